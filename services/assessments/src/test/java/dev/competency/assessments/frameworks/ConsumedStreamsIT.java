package dev.competency.assessments.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.competency.assessments.frameworks.domain.FrameworkVersion;
import dev.competency.assessments.frameworks.query.FrameworkCatalogue;
import dev.competency.assessments.learners.query.LearnerDirectory;
import dev.competency.assessments.support.SharedService;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.learners.LearnerErased;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.platform.test.KafkaTestClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The contract examples of the streams this service consumes, fed through its real listeners. */
class ConsumedStreamsIT {

    @Test
    void knowsCompetenciesAndLevels_whenFrameworkExampleIsPublished() {
        FrameworkCatalogue versions = SharedService.get().bean(FrameworkCatalogue.class);
        FrameworkPublished example = SharedService.JSON.readValue(KafkaTestClient.example(
                EventTypes.FRAMEWORK_PUBLISHED), FrameworkPublished.class);
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send(KafkaTestClient.contractRecord(EventTypes.FRAMEWORK_PUBLISHED, example.frameworkId(),
                    KafkaTestClient.example(EventTypes.FRAMEWORK_PUBLISHED)));
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> versions.find(example.frameworkId(), example.version()).isPresent());
        FrameworkVersion version = versions.find(example.frameworkId(), example.version()).orElseThrow();
        assertThat(version.competencies()).containsOnlyKeys(example.competencies().stream()
                .map(FrameworkPublished.Competency::id).toList());
        assertThat(version.levels()).extracting(FrameworkVersion.Level::code)
                .containsExactly("NOVICE", "DEVELOPING", "PROFICIENT", "EXPERT");
        assertThat(version.retired()).isFalse();
    }

    @Test
    void knowsAndForgetsLearner_whenLearnerExamplesAreRegisteredAndErased() {
        LearnerDirectory directory = SharedService.get().bean(LearnerDirectory.class);
        LearnerRegistered registered = SharedService.JSON.readValue(KafkaTestClient.example(
                EventTypes.LEARNER_REGISTERED), LearnerRegistered.class);
        LearnerErased erased = SharedService.JSON.readValue(KafkaTestClient.example(EventTypes.LEARNER_ERASED),
                LearnerErased.class);
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send(KafkaTestClient.contractRecord(EventTypes.LEARNER_REGISTERED, registered.learnerId(),
                    KafkaTestClient.example(EventTypes.LEARNER_REGISTERED)));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> directory.organisationUnit(registered.learnerId()).isPresent());
            assertThat(directory.organisationUnit(registered.learnerId())).hasValue(registered.organisationUnit());
            assertThat(directory.learnerByMbox("mailto:Amara.Okafor@example.com")).hasValue(registered.learnerId());
            assertThat(directory.learnerByMboxSha1sum(registered.mboxSha1sum().toUpperCase()))
                    .hasValue(registered.learnerId());

            kafka.send(KafkaTestClient.contractRecord(EventTypes.LEARNER_ERASED, erased.learnerId(),
                    KafkaTestClient.example(EventTypes.LEARNER_ERASED)));
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> directory.organisationUnit(erased.learnerId()).isEmpty());
        assertThat(directory.learnerByMbox("mailto:amara.okafor@example.com")).isEmpty();
        assertThat(directory.learnerByMboxSha1sum(registered.mboxSha1sum())).isEmpty();
    }
}
