package dev.competency.learners.learner.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LearnerTest {

    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    private AggregateTestFixture<Learner> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Learner.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void registersLearner_whenCommandIsValid() {
        fixture.givenNoPriorActivity()
                .when(new RegisterLearner("learner-1", " Ada Lovelace ", "ada@example.org", "ENG"))
                .expectEvents(new LearnerRegistered("learner-1", "Ada Lovelace", "ada@example.org", "ENG", NOW));
    }

    @Test
    void rejectsRegistration_whenEmailIsMalformed() {
        fixture.givenNoPriorActivity()
                .when(new RegisterLearner("learner-1", "Ada", "not-an-address", "ENG"))
                .expectException(InvalidLearnerException.class)
                .expectExceptionMessage("email is not an e-mail address: 'not-an-address'")
                .expectNoEvents();
    }

    @Test
    void rejectsRegistration_whenDisplayNameIsMissing() {
        fixture.givenNoPriorActivity()
                .when(new RegisterLearner("learner-1", null, null, "ENG"))
                .expectException(InvalidLearnerException.class)
                .expectExceptionMessage("displayName is required")
                .expectNoEvents();
    }
}
