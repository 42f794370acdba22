package dev.competency.frameworks.roleprofile.domain;

import static org.hamcrest.Matchers.containsString;

import dev.competency.platform.service.error.BrokenRules;
import dev.competency.frameworks.framework.domain.PublishedFrameworks.PublishedVersion;
import dev.competency.frameworks.framework.domain.PublishedFrameworks;
import dev.competency.platform.service.error.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoleProfileTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");
    private static final Set<String> LEVELS = Set.of("NOVICE", "PROFICIENT");
    private static final PublishedFrameworks FRAMEWORKS = (frameworkId, version) ->
            "fw-1".equals(frameworkId) && Integer.valueOf(2).equals(version)
                    ? Optional.of(new PublishedVersion("fw-1", 2, false, Map.of("c-api", LEVELS, "c-data", LEVELS)))
                    : "fw-old".equals(frameworkId)
                    ? Optional.of(new PublishedVersion("fw-old", 1, true, Map.of("c-api", LEVELS)))
                    : Optional.empty();
    private static final RoleProfileDefinition BACKEND = new RoleProfileDefinition("Backend Engineer II", null,
            "fw-1", 2, List.of(new Requirement("c-api", "PROFICIENT", 2.0), new Requirement("c-data", "NOVICE", 1.0)));

    private AggregateTestFixture<RoleProfile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RoleProfile.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(FRAMEWORKS);
    }

    @Test
    void definesDraftVersionOne_whenRoleProfileIsNew() {
        fixture.givenNoPriorActivity()
                .when(new DefineRoleProfile("rp-1", BACKEND, "author-1"))
                .expectEvents(new RoleProfileDefined("rp-1", 1, BACKEND, "author-1", NOW));
    }

    @Test
    void changesNothing_whenDraftIsDefinedAgainUnchanged() {
        fixture.given(new RoleProfileDefined("rp-1", 1, BACKEND, "author-1", NOW))
                .when(new DefineRoleProfile("rp-1", BACKEND, "author-1"))
                .expectNoEvents();
    }

    @Test
    void numbersTheVersion_whenADraftIsPublished() {
        fixture.given(new RoleProfileDefined("rp-1", 1, BACKEND, "author-1", NOW))
                .when(new PublishRoleProfile("rp-1", "author-2"))
                .expectEvents(new RoleProfileVersionPublished("rp-1", 1, BACKEND, "author-2", NOW));
    }

    @Test
    void startsVersionTwo_whenPublishedProfileIsRedefined() {
        RoleProfileDefinition heavier = new RoleProfileDefinition("Backend Engineer II", null, "fw-1", 2,
                List.of(new Requirement("c-api", "PROFICIENT", 3.0)));
        fixture.given(new RoleProfileDefined("rp-1", 1, BACKEND, "author-1", NOW),
                        new RoleProfileVersionPublished("rp-1", 1, BACKEND, "author-1", NOW))
                .when(new DefineRoleProfile("rp-1", heavier, "author-1"))
                .expectEvents(new RoleProfileDefined("rp-1", 2, heavier, "author-1", NOW));
    }

    @Test
    void rejectsPublicationWithConflict_whenThereIsNoDraft() {
        fixture.given(new RoleProfileDefined("rp-1", 1, BACKEND, "author-1", NOW),
                        new RoleProfileVersionPublished("rp-1", 1, BACKEND, "author-1", NOW))
                .when(new PublishRoleProfile("rp-1", "author-1"))
                .expectException(Refusal.class)
                .expectExceptionMessage(containsString("has no draft to publish"));
    }

    @Test
    void rejectsDefinition_whenFrameworkVersionIsNotPublished() {
        define(new RoleProfileDefinition("Backend", null, "fw-1", 3, BACKEND.requirements()),
                "framework fw-1 has no published version 3");
    }

    @Test
    void rejectsDefinition_whenFrameworkVersionIsRetired() {
        define(new RoleProfileDefinition("Backend", null, "fw-old", 1, List.of(new Requirement("c-api", "NOVICE", 1.0))),
                "framework fw-old version 1 is retired");
    }

    @Test
    void rejectsDefinition_whenFrameworkIsMissing() {
        define(new RoleProfileDefinition("Backend", null, null, null, BACKEND.requirements()),
                "frameworkId and frameworkVersion are required");
    }

    @Test
    void rejectsDefinition_whenTitleIsBlank() {
        define(new RoleProfileDefinition(" ", null, "fw-1", 2, BACKEND.requirements()), "title is required");
    }

    @Test
    void rejectsDefinition_whenThereAreNoRequirements() {
        define(new RoleProfileDefinition("Backend", null, "fw-1", 2, List.of()),
                "a role profile needs at least one requirement");
    }

    @Test
    void rejectsDefinition_whenCompetencyIsNotInTheFrameworkVersion() {
        define(new RoleProfileDefinition("Backend", null, "fw-1", 2, List.of(new Requirement("c-ops", "NOVICE", 1.0))),
                "requirement 'c-ops': not a competency of framework fw-1 version 2");
    }

    @Test
    void rejectsDefinition_whenTargetLevelIsNotOnTheScale() {
        define(new RoleProfileDefinition("Backend", null, "fw-1", 2, List.of(new Requirement("c-api", "GURU", 1.0))),
                "requirement 'c-api': target level 'GURU' is not a level of the competency's scale");
    }

    @Test
    void rejectsDefinition_whenCompetencyIsRequiredTwice() {
        define(new RoleProfileDefinition("Backend", null, "fw-1", 2, List.of(new Requirement("c-api", "NOVICE", 1.0),
                new Requirement("c-api", "PROFICIENT", 1.0))), "requirement 'c-api': the competency is required twice");
    }

    @Test
    void rejectsDefinition_whenWeightIsNegative() {
        define(new RoleProfileDefinition("Backend", null, "fw-1", 2, List.of(new Requirement("c-api", "NOVICE", -1.0),
                new Requirement("c-data", "NOVICE", 1.0))),
                "requirement 'c-api': weight must be a finite number of at least 0 but was -1.0");
    }

    @Test
    void rejectsDefinition_whenAllWeightsAreZero() {
        define(new RoleProfileDefinition("Backend", null, "fw-1", 2, List.of(new Requirement("c-api", "NOVICE", 0.0))),
                "the weights of the requirements must not all be 0");
    }

    private void define(RoleProfileDefinition definition, String message) {
        fixture.givenNoPriorActivity()
                .when(new DefineRoleProfile("rp-1", definition, "author-1"))
                .expectException(BrokenRules.class)
                .expectExceptionMessage(containsString(message))
                .expectNoEvents();
    }

    @Test
    void rejectsDefinition_whenTextFieldsAreTooLong() {
        define(new RoleProfileDefinition("T".repeat(501), "D".repeat(10_001), "fw-1", 2, BACKEND.requirements()),
                "title must be at most 500 characters but has 501; description must be at most 10000 characters"
                        + " but has 10001");
        define(new RoleProfileDefinition("Backend", null, "fw-1", 2,
                List.of(new Requirement("c".repeat(101), "NOVICE", 1.0))),
                "competencyId must be at most 100 characters but has 101");
    }
}
