package dev.competency.assessments.assessment.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssessmentTest {

    private static final Instant NOW = Instant.parse("2026-11-28T11:00:00Z");
    private AggregateTestFixture<Assessment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assessment.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void createsDraft_whenAssessmentIsCreated() {
        fixture.givenNoPriorActivity()
                .when(new CreateAssessment("as-1", AssessmentKind.QUIZ, "REST basics", "fw-1", 2, "author-1"))
                .expectEvents(new AssessmentCreated("as-1", AssessmentKind.QUIZ, "REST basics", "fw-1", 2, 1,
                        "author-1", NOW));
    }

    @Test
    void rejectsCreation_whenFrameworkVersionIsMissing() {
        fixture.givenNoPriorActivity()
                .when(new CreateAssessment("as-1", AssessmentKind.RUBRIC, "Design review", "fw-1", 0, "author-1"))
                .expectException(InvalidAssessmentException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsCreation_whenKindIsMissing() {
        fixture.givenNoPriorActivity()
                .when(new CreateAssessment("as-1", null, "Design review", "fw-1", 1, "author-1"))
                .expectException(InvalidAssessmentException.class)
                .expectExceptionMessage("kind is required: one of QUIZ, RUBRIC, OBSERVATION, PEER, SELF")
                .expectNoEvents();
    }
}
