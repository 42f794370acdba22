package dev.competency.community.support;

import dev.competency.community.challenge.query.CompetencyScales;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.frameworks.MethodType;
import dev.competency.contracts.mastery.MasteryChanged;
import dev.competency.platform.service.id.CompetencyId;
import dev.competency.platform.test.KafkaTestClient;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;

/** What the other services would publish, as the tests need it. */
public final class Streams {

    private Streams() {
    }

    /** Publishes the contract's example framework and waits until this service knows its competencies. */
    public static FrameworkPublished framework() {
        FrameworkPublished framework = SharedService.JSON.readValue(
                KafkaTestClient.example(EventTypes.FRAMEWORK_PUBLISHED), FrameworkPublished.class);
        SharedService.publish(framework);
        CompetencyScales scales = SharedService.get().bean(CompetencyScales.class);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> framework.competencies().stream()
                .allMatch(competency -> scales.find(new CompetencyId(competency.id())).isPresent()));
        return framework;
    }

    public static MasteryChanged mastery(String learnerId, String competencyId, String level, boolean mastered,
                                         Instant changedAt) {
        return new MasteryChanged(learnerId, competencyId, "aff4db59-f64d-4b25-ae24-c213dd0673f8", 3, 1,
                MethodType.HIGHEST, level, null, 0.5, null, mastered, false, 1, changedAt, changedAt, null,
                MasteryChanged.ChangeCause.EVIDENCE_RECORDED, null);
    }
}
