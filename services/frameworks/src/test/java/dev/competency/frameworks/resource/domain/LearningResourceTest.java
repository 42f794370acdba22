package dev.competency.frameworks.resource.domain;

import static org.hamcrest.Matchers.containsString;

import dev.competency.contracts.frameworks.LearningResourcePublished.ResourceType;
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

class LearningResourceTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");
    private static final PublishedFrameworks FRAMEWORKS = (frameworkId, version) ->
            "fw-1".equals(frameworkId) && version == null
                    ? Optional.of(new PublishedVersion("fw-1", 4, false, Map.of("c-api", Set.of("NOVICE", "PROFICIENT"))))
                    : "fw-old".equals(frameworkId)
                    ? Optional.of(new PublishedVersion("fw-old", 2, true, Map.of("c-api", Set.of("NOVICE"))))
                    : Optional.empty();
    private static final ResourceDefinition COURSE = new ResourceDefinition("HTTP API design", "https://learn.test/api",
            ResourceType.COURSE, "PT3H", "fw-1", List.of(new ResourceTarget("c-api", "PROFICIENT")));

    private AggregateTestFixture<LearningResource> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LearningResource.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(FRAMEWORKS);
    }

    @Test
    void definesDraftVersionOne_whenResourceIsNew() {
        fixture.givenNoPriorActivity()
                .when(new DefineLearningResource("lr-1", COURSE, "author-1"))
                .expectEvents(new LearningResourceDefined("lr-1", 1, COURSE, "author-1", NOW));
    }

    @Test
    void startsVersionTwo_whenAPublishedResourceIsDefinedAgain() {
        fixture.given(new LearningResourceDefined("lr-1", 1, COURSE, "author-1", NOW))
                .when(new PublishLearningResource("lr-1", "author-1"))
                .expectEvents(new LearningResourceVersionPublished("lr-1", 1, COURSE, "author-1", NOW));

        ResourceDefinition longer = new ResourceDefinition("HTTP API design", "https://learn.test/api",
                ResourceType.COURSE, "PT5H", "fw-1", COURSE.competencies());
        fixture.given(new LearningResourceDefined("lr-1", 1, COURSE, "author-1", NOW),
                        new LearningResourceVersionPublished("lr-1", 1, COURSE, "author-1", NOW))
                .when(new DefineLearningResource("lr-1", longer, "author-1"))
                .expectEvents(new LearningResourceDefined("lr-1", 2, longer, "author-1", NOW));
    }

    @Test
    void rejectsPublicationWithConflict_whenThereIsNoDraft() {
        fixture.given(new LearningResourceDefined("lr-1", 1, COURSE, "author-1", NOW),
                        new LearningResourceVersionPublished("lr-1", 1, COURSE, "author-1", NOW))
                .when(new PublishLearningResource("lr-1", "author-1"))
                .expectException(Refusal.class)
                .expectExceptionMessage(containsString("has no draft to publish"));
    }

    @Test
    void rejectsDefinition_whenUrlIsNotAWebAddress() {
        define(new ResourceDefinition("T", "ftp://x", ResourceType.VIDEO, null, "fw-1", COURSE.competencies()),
                "url must be an absolute http or https address but was 'ftp://x'");
    }

    @Test
    void rejectsDefinition_whenDurationIsNotISO8601() {
        define(new ResourceDefinition("T", "https://x.test", ResourceType.VIDEO, "3 hours", "fw-1",
                COURSE.competencies()), "duration must be an ISO-8601 duration such as PT45M but was '3 hours'");
    }

    @Test
    void rejectsDefinition_whenTitleAndTypeAreMissing() {
        define(new ResourceDefinition(null, "https://x.test", null, null, "fw-1", COURSE.competencies()),
                "title is required; type is required");
    }

    @Test
    void rejectsDefinition_whenFrameworkHasNoPublishedVersion() {
        define(new ResourceDefinition("T", "https://x.test", ResourceType.BOOK, null, "fw-9", COURSE.competencies()),
                "framework fw-9 has no published version");
    }

    @Test
    void rejectsDefinition_whenCompetencyOrLevelIsUnknown() {
        define(new ResourceDefinition("T", "https://x.test", ResourceType.BOOK, null, "fw-1", List.of(
                new ResourceTarget("c-ops", "NOVICE"), new ResourceTarget("c-api", "GURU"))),
                "competency 'c-ops': not a competency of the latest published version 4 of framework fw-1;"
                        + " competency 'c-api': level 'GURU' is not a level");
    }

    @Test
    void rejectsDefinition_whenFrameworkIsRetired() {
        define(new ResourceDefinition("T", "https://x.test", ResourceType.BOOK, null, "fw-old", List.of(
                new ResourceTarget("c-api", "NOVICE"))), "framework fw-old is retired");
    }

    @Test
    void rejectsDefinition_whenItAddressesNoCompetency() {
        define(new ResourceDefinition("T", "https://x.test", ResourceType.BOOK, null, "fw-1", List.of()),
                "a learning resource needs at least one competency it addresses");
    }

    private void define(ResourceDefinition definition, String message) {
        fixture.givenNoPriorActivity()
                .when(new DefineLearningResource("lr-1", definition, "author-1"))
                .expectException(BrokenRules.class)
                .expectExceptionMessage(containsString(message))
                .expectNoEvents();
    }

    @Test
    void rejectsDefinition_whenTextFieldsAreTooLong() {
        define(new ResourceDefinition("T".repeat(501), "https://x.test/" + "p".repeat(2_000), ResourceType.BOOK,
                "P" + "1".repeat(40) + "D", "fw-1", COURSE.competencies()),
                "title must be at most 500 characters but has 501; url must be at most 2000 characters but has"
                        + " 2015; duration must be at most 40 characters but has 42");
    }
}
