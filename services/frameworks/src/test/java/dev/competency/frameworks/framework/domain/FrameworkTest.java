package dev.competency.frameworks.framework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FrameworkTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");
    private AggregateTestFixture<Framework> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Framework.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void createsDraftVersionOne_whenFrameworkIsCreated() {
        fixture.givenNoPriorActivity()
                .when(new CreateFramework("fw-1", "DEV", "  Backend engineering ", "APIs and services", "author-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new FrameworkCreated("fw-1", "DEV", "Backend engineering", "APIs and services", 1,
                        "author-1", NOW))
                .expectState(framework -> {
                    assertThat(framework.status()).isEqualTo(FrameworkStatus.DRAFT);
                    assertThat(framework.draftVersion()).isEqualTo(1);
                });
    }

    @Test
    void rejectsCreation_whenCodeIsNotUpperCaseDotted() {
        fixture.givenNoPriorActivity()
                .when(new CreateFramework("fw-1", "dev api", "Backend", null, "author-1"))
                .expectException(InvalidFrameworkException.class)
                .expectExceptionMessage(containsString("code must be upper-case"))
                .expectNoEvents();
    }

    @Test
    void rejectsCreation_whenTitleIsBlank() {
        fixture.givenNoPriorActivity()
                .when(new CreateFramework("fw-1", "DEV", " ", null, "author-1"))
                .expectException(InvalidFrameworkException.class)
                .expectExceptionMessage("title is required")
                .expectNoEvents();
    }
}
