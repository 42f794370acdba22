package dev.competency.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void listsEveryTopicConstant_whenAllIsRead() {
        assertThat(Topics.ALL).containsExactlyInAnyOrderElementsOf(EventCatalogTest.stringConstants(Topics.class));
        assertThat(Topics.ALL).allSatisfy(topic -> assertThat(topic).matches("competency\\.[a-z]+\\.v\\d+"));
    }

    @Test
    void namesDeadLetterTopicBySuffixingDlq_whenAnyTopicIsGiven() {
        assertThat(Topics.deadLetter(Topics.EVIDENCE)).isEqualTo("competency.evidence.v1.dlq");
    }

    @Test
    void givesThePartitionCountTheServicesExpect_whenAnyTopicIsGiven() {
        assertThat(Topics.partitions(Topics.FRAMEWORKS)).isEqualTo(3);
        assertThat(Topics.partitions(Topics.EVIDENCE)).isEqualTo(6);
        assertThat(Topics.partitions(Topics.LEARNERS)).isEqualTo(6);
        assertThat(Topics.partitions(Topics.MASTERY)).isEqualTo(6);
        assertThat(Topics.partitions(Topics.COMMUNITY)).isEqualTo(3);
        assertThat(Topics.partitions(Topics.ASSESSMENTS)).isEqualTo(6);
    }

    @Test
    void rejectsPartitionLookup_whenTopicIsUnknown() {
        assertThatThrownBy(() -> Topics.partitions("competency.evidence.v2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("competency.evidence.v2");
    }

    @Test
    void keepsEveryRecordOrThirtyDays_whenTopicIsPublicOrDeadLetter() {
        assertThat(Topics.settings(Topics.LEARNERS)).containsEntry("retention.ms", "-1")
                .containsEntry("retention.bytes", "-1").containsEntry("cleanup.policy", "delete");
        assertThat(Topics.settings(Topics.deadLetter(Topics.LEARNERS)))
                .containsEntry("retention.ms", "2592000000").containsEntry("cleanup.policy", "delete");
    }

    @Test
    void rejectsSettingsLookup_whenTopicIsUnknown() {
        assertThatThrownBy(() -> Topics.settings("competency.evidence.v2.dlq"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("competency.evidence.v2.dlq");
    }
}
