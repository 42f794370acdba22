package dev.competency.frameworks.framework.domain;

import static dev.competency.frameworks.framework.domain.Contents.competency;
import static dev.competency.frameworks.framework.domain.Contents.stored;
import static dev.competency.frameworks.framework.domain.Contents.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.competency.platform.service.error.BrokenRules;
import dev.competency.platform.service.error.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FrameworkTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");
    private static final Instant EARLIER = Instant.parse("2026-11-20T08:00:00Z");
    private static final FrameworkCreated CREATED = new FrameworkCreated("fw-1", "DEV", "Backend engineering",
            "APIs and services", 1, "author-1", EARLIER);
    private AggregateTestFixture<Framework> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Framework.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource((FrameworkCodes) "OPS"::equals);
        fixture.registerInjectableResource(new PublicationSize() {
            @Override
            public long bytes(FrameworkVersionPublished publication) {
                return publication.content().competencies().size() * 1_000L;
            }

            @Override
            public long limitBytes() {
                return 4_000;
            }
        });
    }

    private static FrameworkDraftEdited edited(int version, FrameworkContent content) {
        return new FrameworkDraftEdited("fw-1", version, stored("fw-1", content), "author-1", EARLIER);
    }

    private static FrameworkVersionPublished published(int version, FrameworkContent content, int policyVersion) {
        return new FrameworkVersionPublished("fw-1", version, "DEV", stored("fw-1", content), policyVersion,
                "author-1", EARLIER);
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
                    assertThat(framework.draft().scale()).isEqualTo(Scale.DEFAULT);
                });
    }

    @Test
    void rejectsCreation_whenCodeIsNotUpperCaseDotted() {
        fixture.givenNoPriorActivity()
                .when(new CreateFramework("fw-1", "dev api", "Backend", null, "author-1"))
                .expectException(BrokenRules.class)
                .expectExceptionMessage(containsString("code must be upper-case"))
                .expectNoEvents();
    }

    @Test
    void rejectsCreation_whenTitleIsBlank() {
        fixture.givenNoPriorActivity()
                .when(new CreateFramework("fw-1", "DEV", " ", null, "author-1"))
                .expectException(BrokenRules.class)
                .expectExceptionMessage("title is required")
                .expectNoEvents();
    }

    @Test
    void keepsIdsStableAndNumbersSiblings_whenVersionOneIsEdited() {
        fixture.given(CREATED)
                .when(new EditFramework("fw-1", valid(), "author-2"))
                .expectEvents(new FrameworkDraftEdited("fw-1", 1, stored("fw-1", valid()), "author-2", NOW))
                .expectState(framework -> {
                    Competency second = framework.draft().competencies().stream()
                            .filter(c -> c.code().equals("DEV.API.2")).findFirst().orElseThrow();
                    assertThat(second.position()).isEqualTo(1);
                    assertThat(second.id()).isEqualTo(UUID.nameUUIDFromBytes("fw-1/DEV.API.2"
                            .getBytes(StandardCharsets.UTF_8)).toString());
                    assertThat(framework.draft().competencies()).extracting(Competency::code)
                            .containsExactly("DEV.API", "DEV.API.1", "DEV.API.2", "DEV.DATA");
                });
    }

    @Test
    void ordersSiblingsByPosition_whenPositionsAreGiven() {
        FrameworkContent content = Contents.withCompetencies(valid(), List.of(
                competency("DEV.API", null, "API design"),
                new Competency(null, "DEV.API.1", "First", null, "DEV.API", 5, null, null, null, null, null, null),
                new Competency(null, "DEV.API.2", "Second", null, "DEV.API", 1, null, null, null, null, null, null),
                competency("DEV.DATA", null, "Data modelling")));

        fixture.given(CREATED)
                .when(new EditFramework("fw-1", content, "author-1"))
                .expectState(framework -> assertThat(framework.draft().competencies())
                        .extracting(Competency::code, Competency::position)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("DEV.API", 0),
                                org.assertj.core.groups.Tuple.tuple("DEV.API.2", 0),
                                org.assertj.core.groups.Tuple.tuple("DEV.API.1", 1),
                                org.assertj.core.groups.Tuple.tuple("DEV.DATA", 1)));
    }

    @Test
    void changesNothing_whenDraftIsEditedWithTheSameContent() {
        fixture.given(CREATED, edited(1, valid()))
                .when(new EditFramework("fw-1", valid(), "author-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void startsVersionTwoKeepingIdsOfUnchangedCodes_whenPublishedFrameworkIsEdited() {
        FrameworkContent renamed = Contents.withTitle(valid(), "Backend engineering 2027");

        fixture.given(CREATED, edited(1, valid()), published(1, valid(), 1))
                .when(new EditFramework("fw-1", renamed, "author-1"))
                .expectEvents(new FrameworkDraftEdited("fw-1", 2, stored("fw-1", renamed), "author-1", NOW))
                .expectState(framework -> {
                    assertThat(framework.status()).isEqualTo(FrameworkStatus.DRAFT);
                    assertThat(framework.publishedVersion()).isEqualTo(1);
                    assertThat(framework.draftVersion()).isEqualTo(2);
                });
    }

    @Test
    void keepsIdOfACompetency_whenItsCodeChangesButItsIdIsSent() {
        FrameworkContent first = stored("fw-1", valid());
        Competency data = first.competencies().get(3);
        FrameworkContent moved = Contents.withCompetencies(valid(), List.of(valid().competencies().get(0),
                valid().competencies().get(1), valid().competencies().get(2),
                new Competency(data.id(), "DEV.STORE", "Data modelling", null, null, null, null, null, null, null,
                        null, null)));
        moved = Contents.withRelations(moved, List.of());

        fixture.given(CREATED, edited(1, valid()))
                .when(new EditFramework("fw-1", moved, "author-1"))
                .expectState(framework -> assertThat(framework.draft().competencies().get(3).id())
                        .isEqualTo(data.id()));
    }

    @Test
    void rejectsEdit_whenFrameworkIsRetired() {
        fixture.given(CREATED, edited(1, valid()), published(1, valid(), 1),
                        new FrameworkVersionRetired("fw-1", 1, "author-1", "superseded", EARLIER))
                .when(new EditFramework("fw-1", valid(), "author-1"))
                .expectException(Refusal.class)
                .expectExceptionMessage("framework fw-1 is retired and can no longer be edited")
                .expectNoEvents();
    }

    @Test
    void rejectsEdit_whenContentIsMissing() {
        fixture.given(CREATED)
                .when(new EditFramework("fw-1", null, "author-1"))
                .expectException(BrokenRules.class)
                .expectExceptionMessage("content is required");
    }

    @Test
    void reportsEveryBrokenRule_whenEditBreaksSeveral() {
        FrameworkContent broken = Contents.withCompetencies(Contents.withTitle(valid(), ""), List.of(
                competency("DEV.API", null, "API design"), competency("DEV.API", null, "Again"),
                competency("DEV.X", "DEV.NOPE", "Orphan")));

        fixture.given(CREATED)
                .when(new EditFramework("fw-1", Contents.withRelations(broken, List.of()), "author-1"))
                .expectException(BrokenRules.class)
                .expectExceptionMessage("3 rules are broken: title is required; competency 'DEV.API': duplicate code;"
                        + " competency 'DEV.X': unknown parent 'DEV.NOPE'")
                .expectNoEvents();
    }

    @Test
    void publishesVersionOneWithItsFullContent_whenTheFirstDraftIsPublished() {
        fixture.given(CREATED, edited(1, valid()))
                .when(new PublishFramework("fw-1", "author-3"))
                .expectEvents(new FrameworkVersionPublished("fw-1", 1, "DEV", stored("fw-1", valid()), 1, "author-3",
                        NOW))
                .expectState(framework -> {
                    assertThat(framework.status()).isEqualTo(FrameworkStatus.PUBLISHED);
                    assertThat(framework.draft()).isNull();
                });
    }

    @Test
    void keepsPolicyVersion_whenOnlyTitlesChangeBetweenVersions() {
        FrameworkContent renamed = Contents.withTitle(valid(), "Renamed");
        fixture.given(CREATED, edited(1, valid()), published(1, valid(), 1), edited(2, renamed))
                .when(new PublishFramework("fw-1", "author-1"))
                .expectEvents(new FrameworkVersionPublished("fw-1", 2, "DEV", stored("fw-1", renamed), 1, "author-1",
                        NOW));
    }

    @Test
    void raisesPolicyVersion_whenScaleChangesBetweenVersions() {
        FrameworkContent rescaled = Contents.withScale(valid(), Scale.DEFAULT);
        fixture.given(CREATED, edited(1, valid()), published(1, valid(), 1), edited(2, rescaled))
                .when(new PublishFramework("fw-1", "author-1"))
                .expectEvents(new FrameworkVersionPublished("fw-1", 2, "DEV", stored("fw-1", rescaled), 2, "author-1",
                        NOW));
    }

    @Test
    void rejectsPublicationWithConflict_whenThereIsNoDraft() {
        fixture.given(CREATED, edited(1, valid()), published(1, valid(), 1))
                .when(new PublishFramework("fw-1", "author-1"))
                .expectException(Refusal.class)
                .expectExceptionMessage(containsString("has no draft to publish"))
                .expectNoEvents();
    }

    @Test
    void rejectsPublication_whenDraftHasNoCompetencies() {
        fixture.given(CREATED)
                .when(new PublishFramework("fw-1", "author-1"))
                .expectException(BrokenRules.class)
                .expectExceptionMessage(containsString("needs at least one competency"))
                .expectNoEvents();
    }

    @Test
    void rejectsPublication_whenFrameworkIsRetired() {
        fixture.given(CREATED, edited(1, valid()), published(1, valid(), 1),
                        new FrameworkVersionRetired("fw-1", 1, "author-1", null, EARLIER))
                .when(new PublishFramework("fw-1", "author-1"))
                .expectException(Refusal.class)
                .expectExceptionMessage(containsString("is retired"));
    }

    @Test
    void retiresLatestPublishedVersion_whenFrameworkIsRetired() {
        fixture.given(CREATED, edited(1, valid()), published(1, valid(), 1))
                .when(new RetireFramework("fw-1", "author-1", "replaced by DEV 2"))
                .expectEvents(new FrameworkVersionRetired("fw-1", 1, "author-1", "replaced by DEV 2", NOW))
                .expectState(framework -> assertThat(framework.status()).isEqualTo(FrameworkStatus.RETIRED));
    }

    @Test
    void rejectsRetirement_whenFrameworkWasNeverPublished() {
        fixture.given(CREATED)
                .when(new RetireFramework("fw-1", "author-1", null))
                .expectException(Refusal.class)
                .expectExceptionMessage(containsString("was never published"))
                .expectNoEvents();
    }

    @Test
    void rejectsRetirement_whenFrameworkIsAlreadyRetired() {
        fixture.given(CREATED, edited(1, valid()), published(1, valid(), 1),
                        new FrameworkVersionRetired("fw-1", 1, "author-1", null, EARLIER))
                .when(new RetireFramework("fw-1", "author-1", null))
                .expectException(Refusal.class)
                .expectExceptionMessage("framework fw-1 is already retired");
    }

    @Test
    void rejectsCreation_whenCodeTitleOrDescriptionIsTooLong() {
        fixture.givenNoPriorActivity()
                .when(new CreateFramework("fw-1", "D".repeat(51), "T".repeat(501), "D".repeat(10_001), "author-1"))
                .expectException(BrokenRules.class)
                .expectExceptionMessage("3 rules are broken: code must be at most 50 characters but has 51; title must be"
                        + " at most 500 characters but has 501; description must be at most 10000 characters but"
                        + " has 10001")
                .expectNoEvents();
    }

    @Test
    void rejectsRetirement_whenTheReasonIsTooLong() {
        fixture.given(CREATED, edited(1, valid()), published(1, valid(), 1))
                .when(new RetireFramework("fw-1", "author-1", "R".repeat(2_001)))
                .expectException(BrokenRules.class)
                .expectExceptionMessage("reason must be at most 2000 characters but has 2001")
                .expectNoEvents();
    }

    @Test
    void rejectsCreationWithConflict_whenAnotherFrameworkUsesTheCode() {
        fixture.givenNoPriorActivity()
                .when(new CreateFramework("fw-2", "OPS", "Operations again", null, "author-1"))
                .expectException(Refusal.class)
                .expectExceptionMessage("framework code 'OPS' is already used by another framework; codes are"
                        + " unique in the organisation")
                .expectNoEvents();
    }

    @Test
    void refusesPublicationWithUnprocessable_whenTheSnapshotExceedsTheTopicLimit() {
        List<Competency> five = new ArrayList<>(valid().competencies());
        five.add(competency("DEV.OPS", null, "Operations"));
        FrameworkContent large = Contents.withCompetencies(valid(), five);
        fixture.given(CREATED, edited(1, large))
                .when(new PublishFramework("fw-1", "author-1"))
                .expectException(Refusal.class)
                .expectExceptionMessage("version 1 of framework fw-1 would be published as 5000 bytes, more than the"
                        + " 4000 bytes a framework.published event may have; the draft is kept: split the framework"
                        + " or shorten its texts")
                .expectNoEvents();
    }
}
