package dev.competency.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.contracts.EventAttributes;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.Topics;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The example feed against a real broker, fed with the contracts' own example payloads (learner and competency ids
 * replaced so that each test has its own keys on the shared topics).
 */
class MasteryFeedIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CATCH_UP = Duration.ofSeconds(20);
    /** The frameworkId and the team of the contracts' examples. */
    private static final String EXAMPLE_FRAMEWORK = "aff4db59-f64d-4b25-ae24-c213dd0673f8";
    private static final String EXAMPLE_TEAM = "6233712f-50a9-4140-86c7-2a625148f704";

    private static KafkaTestClient kafka;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void countsAMasteryGainOnce_whenTheSameCeIdArrivesTwice() {
        String learner = newId();
        String competency = newId();
        EventAttributes gained = attributes(EventTypes.MASTERY_CHANGED, learner);
        byte[] payload = masteryChanged(learner, competency, "PROFICIENT", "DEVELOPING", true, false);
        kafka.send(KafkaTestClient.contractRecord(gained, learner, payload));
        kafka.send(KafkaTestClient.contractRecord(gained, learner, payload));

        MasteryFeed.Counts counts;
        try (MasteryFeed feed = replay()) {
            assertThat(feed.view().masteryGains(competency)).isEqualTo(1);
            assertThat(feed.view().level(learner, competency)).get().extracting(CapabilityView.Level::level)
                    .isEqualTo("PROFICIENT");
            counts = feed.counts();
        }
        assertThat(counts.duplicates()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void keepsTheLastLevel_whenChangesOfOneLearnerArriveOnOnePartitionInOrder() {
        String learner = newId();
        String other = newId();
        String competency = newId();
        List<RecordMetadata> sent = List.of(
                sendMastery(learner, competency, "NOVICE", null, false, false),
                sendMastery(other, competency, "EXPERT", null, true, false),
                sendMastery(learner, competency, "DEVELOPING", "NOVICE", false, false),
                sendMastery(learner, competency, "PROFICIENT", "DEVELOPING", true, false));

        assertThat(List.of(sent.get(0), sent.get(2), sent.get(3))).extracting(RecordMetadata::partition)
                .containsOnly(sent.get(0).partition());
        assertThat(sent.get(2).offset()).isGreaterThan(sent.get(0).offset());
        assertThat(sent.get(3).offset()).isGreaterThan(sent.get(2).offset());
        try (MasteryFeed feed = replay()) {
            assertThat(feed.view().level(learner, competency)).get()
                    .isEqualTo(new CapabilityView.Level(EXAMPLE_FRAMEWORK, "PROFICIENT", 0.7695, true));
            assertThat(feed.view().level(other, competency)).get().extracting(CapabilityView.Level::level)
                    .isEqualTo("EXPERT");
            assertThat(feed.view().masteryGains(competency)).isEqualTo(2);
        }
    }

    @Test
    void buildsTheSameViewAgain_whenReplayedFromOffsetZero() {
        String learner = newId();
        String competency = newId();
        EventAttributes gained = attributes(EventTypes.MASTERY_CHANGED, learner);
        byte[] payload = masteryChanged(learner, competency, "PROFICIENT", null, true, false);
        kafka.send(KafkaTestClient.contractRecord(gained, learner, payload));
        kafka.send(KafkaTestClient.contractRecord(gained, learner, payload));
        sendLearnerEvent(EventTypes.LEARNER_TEAM_CHANGED, learner);

        CapabilityView.Snapshot first;
        MasteryFeed.Counts firstCounts;
        try (MasteryFeed feed = replay()) {
            first = feed.view().snapshot();
            firstCounts = feed.counts();
        }
        try (MasteryFeed feed = replay()) {
            assertThat(feed.view().snapshot()).isEqualTo(first);
            assertThat(feed.counts()).isEqualTo(firstCounts);
        }
        assertThat(first.levelsByLearner()).containsKey(learner);
        assertThat(first.teamByLearner()).containsEntry(learner, EXAMPLE_TEAM);
        assertThat(first.masteryGainsByCompetency()).containsEntry(competency, 1L);
    }

    @Test
    void forgetsTheLearnerEvenForMasteryReadAfterIt_whenLearnerErasedArrives() {
        String learner = newId();
        String competency = newId();
        sendLearnerEvent(EventTypes.LEARNER_REGISTERED, learner);
        sendLearnerEvent(EventTypes.LEARNER_TEAM_CHANGED, learner);
        sendLearnerEvent(EventTypes.LEARNER_ERASED, learner);
        // The mastery topic is not ordered against the learners topic: this change is published after the erasure.
        sendMastery(learner, competency, "PROFICIENT", null, true, false);

        try (MasteryFeed feed = replay()) {
            assertThat(feed.view().knows(learner)).isFalse();
            assertThat(feed.view().snapshot().erasedLearners()).contains(learner);
            assertThat(feed.view().masteryGains(competency)).isEqualTo(1);
        }
    }

    @Test
    void forgetsTheLearner_whenTombstoneArrivesOnLearnersTopic() {
        String learner = newId();
        String competency = newId();
        sendLearnerEvent(EventTypes.LEARNER_TEAM_CHANGED, learner);
        sendMastery(learner, competency, "PROFICIENT", null, true, false);
        long unreadableBefore;
        try (MasteryFeed feed = replay()) {
            assertThat(feed.view().knows(learner)).isTrue();
            unreadableBefore = feed.counts().unreadable();
        }
        kafka.send(new ProducerRecord<>(Topics.LEARNERS, learner, null));
        kafka.send(new ProducerRecord<>(Topics.MASTERY, learner, null));

        try (MasteryFeed feed = replay()) {
            assertThat(feed.view().knows(learner)).isFalse();
            assertThat(feed.view().snapshot().erasedLearners()).contains(learner);
            assertThat(feed.counts().unreadable()).as("a tombstone is not unreadable").isEqualTo(unreadableBefore);
        }
    }

    @Test
    void keepsConsuming_whenAnEventTypeOrFieldIsUnknown() {
        String learner = newId();
        String competency = newId();
        ProducerRecord<String, byte[]> unknown = new ProducerRecord<>(Topics.MASTERY, learner,
                "{\"learnerId\":\"x\",\"forecast\":0.9}".getBytes(StandardCharsets.UTF_8));
        unknown.headers().add("ce_id", newId().getBytes(StandardCharsets.UTF_8))
                .add("ce_type", "mastery.forecast".getBytes(StandardCharsets.UTF_8))
                .add("ce_source", "/services/learner-profiles".getBytes(StandardCharsets.UTF_8))
                .add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8))
                .add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        kafka.send(unknown);
        ObjectNode withNewFields = (ObjectNode) JSON.readTree(
                masteryChanged(learner, competency, "PROFICIENT", null, true, false));
        withNewFields.put("confidence", 0.93).put("cause", "PREDICTED");
        send(EventTypes.MASTERY_CHANGED, learner, JSON.writeValueAsBytes(withNewFields));

        try (MasteryFeed feed = replay()) {
            assertThat(feed.counts().unknownTypes()).isGreaterThanOrEqualTo(1);
            assertThat(feed.view().level(learner, competency)).get().extracting(CapabilityView.Level::level)
                    .isEqualTo("PROFICIENT");
        }
    }

    private static MasteryFeed replay() {
        MasteryFeed feed = MasteryFeed.connect(TestInfrastructure.endpoints().kafkaBootstrapServers());
        feed.startFromBeginning();
        feed.catchUp(CATCH_UP);
        return feed;
    }

    /** Sends a payload as a producer following the contract does, with a fresh ce_id. */
    private static RecordMetadata send(String type, String key, byte[] payload) {
        return kafka.send(KafkaTestClient.contractRecord(attributes(type, key), key, payload));
    }

    private static RecordMetadata sendMastery(String learner, String competency, String level, String previousLevel,
                                              boolean mastered, boolean previouslyMastered) {
        return send(EventTypes.MASTERY_CHANGED, learner,
                masteryChanged(learner, competency, level, previousLevel, mastered, previouslyMastered));
    }

    private static RecordMetadata sendLearnerEvent(String type, String learner) {
        return send(type, learner, learnersExample(type, learner));
    }

    private static EventAttributes attributes(String type, String learner) {
        return new EventAttributes(newId(), type, "/services/learner-profiles", Instant.now(), learner);
    }

    /** The contracts' mastery.changed example for another learner, competency and levels. */
    private static byte[] masteryChanged(String learner, String competency, String level, String previousLevel,
                                         boolean mastered, boolean previouslyMastered) {
        ObjectNode node = (ObjectNode) JSON.readTree(KafkaTestClient.example(EventTypes.MASTERY_CHANGED));
        node.put("learnerId", learner).put("competencyId", competency).put("level", level)
                .put("mastered", mastered).put("previouslyMastered", previouslyMastered);
        if (previousLevel == null) {
            node.remove(List.of("previousLevel", "previousScore"));
        } else {
            node.put("previousLevel", previousLevel);
        }
        return JSON.writeValueAsBytes(node);
    }

    /** The contracts' example of a competency.learners.v1 event type, for another learner. */
    private static byte[] learnersExample(String type, String learner) {
        ObjectNode node = (ObjectNode) JSON.readTree(KafkaTestClient.example(type));
        node.put("learnerId", learner);
        return JSON.writeValueAsBytes(node);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
