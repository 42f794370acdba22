package dev.competency.assessments.rating.domain;

import static dev.competency.assessments.support.Refusals.refusal;

import dev.competency.assessments.assessment.domain.Definitions;
import dev.competency.assessments.evidence.domain.EvidenceIds;
import dev.competency.assessments.evidence.domain.EvidenceItem;
import dev.competency.contracts.evidence.ActorKind;
import dev.competency.contracts.evidence.SourceType;
import dev.competency.platform.service.error.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManualRatingTest {

    private static final Instant NOW = Instant.parse("2026-11-28T11:00:00Z");
    private AggregateTestFixture<ManualRating> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ManualRating.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(Definitions.frameworks());
    }

    @Test
    void recordsManualRatingEvidenceAtTheLevelThreshold_whenAssessorRates() {
        fixture.givenNoPriorActivity()
                .when(new RateCompetency("r-1", "learner-1", Definitions.FRAMEWORK, Definitions.VERSION,
                        Definitions.API, "PROFICIENT", "Led the API review of the orders service", "assessor-1"))
                .expectEvents(new CompetencyRated("r-1", new EvidenceItem(EvidenceIds.forRating("r-1", Definitions.API),
                        "learner-1", Definitions.API, Definitions.FRAMEWORK, Definitions.VERSION, 0.75, null, null,
                        SourceType.MANUAL_RATING, "assessor-1", ActorKind.ASSESSOR, NOW, NOW, null, null, null, null,
                        null, "PROFICIENT", "Led the API review of the orders service")));
    }

    @Test
    void rejectsRating_whenLevelIsNotOnTheScale() {
        fixture.givenNoPriorActivity()
                .when(new RateCompetency("r-1", "learner-1", Definitions.FRAMEWORK, Definitions.VERSION,
                        Definitions.API, "GURU", "Because", "assessor-1"))
                .expectException(refusal(Refusal.Kind.INVALID))
                .expectExceptionMessage("level GURU is not a level of the framework's scale")
                .expectNoEvents();
    }

    @Test
    void rejectsRating_whenReasonIsMissing() {
        fixture.givenNoPriorActivity()
                .when(new RateCompetency("r-1", "learner-1", Definitions.FRAMEWORK, Definitions.VERSION,
                        Definitions.API, "PROFICIENT", " ", "assessor-1"))
                .expectException(refusal(Refusal.Kind.INVALID))
                .expectNoEvents();
    }
}
