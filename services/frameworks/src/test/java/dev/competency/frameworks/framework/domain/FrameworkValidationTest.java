package dev.competency.frameworks.framework.domain;

import static dev.competency.frameworks.framework.domain.Contents.competency;
import static dev.competency.frameworks.framework.domain.Contents.policy;
import static dev.competency.frameworks.framework.domain.Contents.rollUp;
import static dev.competency.frameworks.framework.domain.Contents.valid;
import static dev.competency.frameworks.framework.domain.Contents.withCompetency;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.competency.contracts.evidence.SourceType;
import dev.competency.contracts.frameworks.FrameworkPublished.ManualRatingPrecedence;
import dev.competency.contracts.frameworks.FrameworkPublished.RelationType;
import dev.competency.contracts.frameworks.FrameworkPublished.RollUpType;
import dev.competency.contracts.frameworks.MethodType;
import dev.competency.platform.service.error.BrokenRules;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of framework content, each broken alone: the edit fails with a message naming rule and item. */
class FrameworkValidationTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");
    private AggregateTestFixture<Framework> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Framework.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource((FrameworkCodes) code -> false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void rejectsEditNamingRuleAndItem_whenContentBreaksARule(String rule, FrameworkContent content, String message) {
        fixture.given(new FrameworkCreated("fw-1", "DEV", "Backend", null, 1, "author-1", NOW))
                .when(new EditFramework("fw-1", content, "author-1"))
                .expectException(BrokenRules.class)
                .expectExceptionMessage(containsString(message))
                .expectNoEvents();
    }

    static Stream<Arguments> brokenRules() {
        Scale twoMastery = new Scale(List.of(new Level("A", "A", 0.0, true), new Level("B", "B", 0.5, true)));
        return Stream.of(
                rule("framework title required", Contents.withTitle(valid(), " "), "title is required"),
                rule("competency code required",
                        withCompetency("DEV.DATA", c -> new Competency(null, null, "Data", null, null, null, null,
                                null, null, null, null, null)), "competency 'Data': code is required"),
                rule("competency code format", withCompetency("DEV.DATA", c -> competency("DEV DATA", null, "Data")),
                        "competency 'DEV DATA': code must be letters, digits"),
                rule("duplicate code", withCompetency("DEV.DATA", c -> competency("DEV.API.1", null, "Data")),
                        "competency 'DEV.API.1': duplicate code"),
                rule("duplicate id", Contents.withCompetencies(valid(), List.of(
                        new Competency("c-1", "A", "A", null, null, null, null, null, null, null, null, null),
                        new Competency("c-1", "B", "B", null, null, null, null, null, null, null, null, null))),
                        "competency 'B': duplicate id 'c-1'"),
                rule("framework title length", Contents.withTitle(valid(), "T".repeat(501)),
                        "title must be at most 500 characters but has 501"),
                rule("framework description length", new FrameworkContent("B", "D".repeat(10_001), null,
                        valid().competencies(), List.of(), null, null),
                        "description must be at most 10000 characters but has 10001"),
                rule("competency title length", withCompetency("DEV.DATA", c -> competency("DEV.DATA", null,
                        "T".repeat(501))), "competency 'DEV.DATA': title must be at most 500 characters"),
                rule("competency description length", withCompetency("DEV.DATA", c -> new Competency(null,
                        "DEV.DATA", "Data", "D".repeat(10_001), null, null, "x".repeat(101), "e".repeat(2_001),
                        "2025-01-01T00:00:00.000000000000000000000000000000000Z", null, null, null)),
                        "competency 'DEV.DATA': description must be at most 10000 characters but has 10001;"
                                + " competency 'DEV.DATA': taxonomyLabel must be at most 100 characters but has 101;"
                                + " competency 'DEV.DATA': externalId must be at most 2000 characters but has 2001;"
                                + " competency 'DEV.DATA': externalChangedAt must be at most 40 characters"),
                rule("level text length", Contents.withScale(valid(), new Scale(List.of(
                        new Level("A".repeat(51), "L".repeat(201), 0.0, true)))),
                        "scale level '" + "A".repeat(51) + "': code must be at most 50 characters but has 51;"
                                + " scale level '" + "A".repeat(51) + "': label must be at most 200 characters"),
                rule("competency title required", withCompetency("DEV.DATA", c -> competency("DEV.DATA", null, " ")),
                        "competency 'DEV.DATA': title is required"),
                rule("position not negative", withCompetency("DEV.DATA", c -> new Competency(null, "DEV.DATA",
                        "Data", null, null, -1, null, null, null, null, null, null)),
                        "competency 'DEV.DATA': position must not be negative"),
                rule("unknown parent", withCompetency("DEV.DATA", c -> Contents.withParent(c, "DEV.OPS")),
                        "competency 'DEV.DATA': unknown parent 'DEV.OPS'"),
                rule("tree cycle", withCompetency("DEV.API", c -> Contents.withParent(c, "DEV.API.2")),
                        "the parent chain forms a cycle: DEV.API -> DEV.API.2 -> DEV.API"),
                rule("relation to unknown competency", Contents.withRelations(valid(), List.of(
                        new Relation("DEV.API.1", "DEV.OPS", RelationType.IMPLIES, null))),
                        "relation DEV.API.1 IMPLIES DEV.OPS: unknown competency 'DEV.OPS'"),
                rule("relation type required", Contents.withRelations(valid(), List.of(
                        new Relation("DEV.API.1", "DEV.DATA", null, null))),
                        "relation DEV.API.1 null DEV.DATA: type is required"),
                rule("relation to itself", Contents.withRelations(valid(), List.of(
                        new Relation("DEV.DATA", "DEV.DATA", RelationType.EXACT_MATCH_OF, null))),
                        "a competency cannot relate to itself"),
                rule("duplicate relation", Contents.withRelations(valid(), List.of(
                        new Relation("DEV.API.1", "DEV.DATA", RelationType.IS_RELATED_TO, null),
                        new Relation("DEV.API.1", "DEV.DATA", RelationType.IS_RELATED_TO, null))),
                        "relation DEV.API.1 IS_RELATED_TO DEV.DATA: duplicate relation"),
                rule("prerequisite cycle", Contents.withRelations(valid(), List.of(
                        new Relation("DEV.API.1", "DEV.API.2", RelationType.PRECEDES, null),
                        new Relation("DEV.API.2", "DEV.DATA", RelationType.PRECEDES, null),
                        new Relation("DEV.DATA", "DEV.API.1", RelationType.PRECEDES, null))),
                        "prerequisites form a cycle: DEV.API.1 -> DEV.API.2 -> DEV.DATA -> DEV.API.1"),
                rule("scale needs levels", Contents.withScale(valid(), new Scale(List.of())),
                        "scale: needs at least one level"),
                rule("level code required", Contents.withScale(valid(), new Scale(List.of(
                        new Level(null, "A", 0.0, true)))), "scale: every level needs a code"),
                rule("duplicate level code", Contents.withScale(valid(), new Scale(List.of(
                        new Level("A", "A", 0.0, false), new Level("A", "Again", 0.5, true)))),
                        "scale level 'A': duplicate level code"),
                rule("level label required", Contents.withScale(valid(), new Scale(List.of(
                        new Level("A", "", 0.0, true)))), "scale level 'A': label is required"),
                rule("threshold in [0,1]", Contents.withScale(valid(), new Scale(List.of(
                        new Level("A", "A", 0.0, false), new Level("B", "B", 1.2, true)))),
                        "scale level 'B': threshold must be in [0, 1] but was 1.2"),
                rule("thresholds strictly increasing", Contents.withScale(valid(), new Scale(List.of(
                        new Level("A", "A", 0.5, false), new Level("B", "B", 0.5, true)))),
                        "scale level 'B': thresholds must be strictly increasing but 0.5 does not exceed 0.5 of 'A'"),
                rule("no mastery level", Contents.withScale(valid(), new Scale(List.of(
                        new Level("A", "A", 0.0, false)))), "exactly one level must be the mastery level but 0 are"),
                rule("two mastery levels", Contents.withScale(valid(), twoMastery),
                        "exactly one level must be the mastery level but 2 are"),
                rule("competency scale override", withCompetency("DEV.DATA", c -> Contents.withScale(c, twoMastery)),
                        "competency 'DEV.DATA': scale: exactly one level must be the mastery level"),
                rule("method required", Contents.withPolicy(valid(), policy(null)), "mastery policy: method is required"),
                rule("N_MASTERY n at least 1", Contents.withPolicy(valid(), policy(
                        new Method(MethodType.N_MASTERY, 0, null, null, null))),
                        "method N_MASTERY: n must be at least 1 but was 0"),
                rule("WEIGHTED_AVERAGE weight in [0,1]", Contents.withPolicy(valid(), policy(
                        new Method(MethodType.WEIGHTED_AVERAGE, null, 1.5, null, null))),
                        "method WEIGHTED_AVERAGE: weight must be in [0, 1] but was 1.5"),
                rule("DECAYING_AVERAGE decay in (0,1]", Contents.withPolicy(valid(), policy(
                        new Method(MethodType.DECAYING_AVERAGE, null, null, 0.0, null))),
                        "method DECAYING_AVERAGE: decay must be in (0, 1] but was 0.0"),
                rule("BKT parameters required", Contents.withPolicy(valid(), policy(
                        new Method(MethodType.BKT, null, null, null, null))), "method BKT: bkt parameters are required"),
                rule("BKT probability in [0,1]", Contents.withPolicy(valid(), policy(new Method(MethodType.BKT, null,
                        null, null, new BktParameters(0.2, 1.3, 0.2, 0.1, 0.0)))),
                        "method BKT: pT must be in [0, 1] but was 1.3"),
                rule("BKT guess plus slip below 1", Contents.withPolicy(valid(), policy(new Method(MethodType.BKT,
                        null, null, null, new BktParameters(0.2, 0.1, 0.6, 0.5, 0.0)))),
                        "method BKT: pG + pS must be below 1"),
                rule("source weights not negative", Contents.withPolicy(valid(), new Policy(
                        new Method(MethodType.HIGHEST, null, null, null, null), Map.of(SourceType.PEER, -0.5), 0,
                        ManualRatingPrecedence.NEVER, null, null, null)),
                        "mastery policy: source weight of PEER must be a finite number of at least 0 but was -0.5"),
                rule("minimum evidence not negative", Contents.withPolicy(valid(), new Policy(
                        new Method(MethodType.HIGHEST, null, null, null, null), Map.of(), -1,
                        ManualRatingPrecedence.NEVER, null, null, null)),
                        "mastery policy: minimumEvidence must not be negative but was -1"),
                rule("validity period is a duration", Contents.withPolicy(valid(), new Policy(
                        new Method(MethodType.HIGHEST, null, null, null, null), Map.of(), 0, null, null, "two years",
                        null)), "mastery policy: validityPeriod: must be an ISO-8601 duration such as P365D"),
                rule("decay half-life positive", Contents.withPolicy(valid(), new Policy(
                        new Method(MethodType.HIGHEST, null, null, null, null), Map.of(), 0, null, null, null,
                        "PT0S")), "mastery policy: decayHalfLife: must be a positive ISO-8601 duration"),
                rule("roll-up POINTS needs a target", Contents.withPolicy(valid(), rollUp(
                        new RollUp(RollUpType.POINTS, null, null))), "roll-up: POINTS needs a positive pointsTarget"),
                rule("framework roll-up target above children's sum", Contents.withPolicy(valid(), rollUp(
                        new RollUp(RollUpType.POINTS, 2.5, null))),
                        "roll-up: points target 2.5 exceeds the 2 points the children of 'DEV.API' can give"),
                rule("framework roll-up names no children", Contents.withPolicy(valid(), rollUp(
                        new RollUp(RollUpType.ALL_CHILDREN, null, List.of("DEV.API.1")))),
                        "requiredChildren name particular children and belong on a competency's own policy"),
                rule("competency roll-up target above children's sum", withCompetency("DEV.API", c ->
                        Contents.withPolicy(c, rollUp(new RollUp(RollUpType.POINTS, 3.0, null)))),
                        "competency 'DEV.API': mastery policy: roll-up: points target 3.0 exceeds the 2 points"),
                rule("competency roll-up on a leaf", withCompetency("DEV.DATA", c ->
                        Contents.withPolicy(c, rollUp(new RollUp(RollUpType.ALL_CHILDREN, null, null)))),
                        "competency 'DEV.DATA': mastery policy: roll-up: ALL_CHILDREN needs children but 'DEV.DATA'"
                                + " has none"),
                rule("required child is a child", withCompetency("DEV.API", c ->
                        Contents.withPolicy(c, rollUp(new RollUp(RollUpType.POINTS, 1.0, List.of("DEV.DATA"))))),
                        "roll-up: required child 'DEV.DATA' is not a child of 'DEV.API'"),
                rule("competency policy method parameters", withCompetency("DEV.DATA", c ->
                        Contents.withPolicy(c, policy(new Method(MethodType.N_MASTERY, null, null, null, null)))),
                        "competency 'DEV.DATA': mastery policy: method N_MASTERY: n must be at least 1 but was null"));
    }

    private static Arguments rule(String name, FrameworkContent content, String message) {
        return Arguments.of(name, content, message);
    }
    @Test
    void refusesDeepDraft_whenParentChainExceedsTheMaximumDepth() {
        fixture.given(new FrameworkCreated("fw-1", "DEV", "Backend", null, 1, "author-1", NOW))
                .when(new EditFramework("fw-1", Contents.chain(FrameworkRules.MAX_DEPTH + 1), "author-1"))
                .expectException(BrokenRules.class)
                .expectExceptionMessage(containsString("competency 'C" + (FrameworkRules.MAX_DEPTH + 1)
                        + "': it is " + (FrameworkRules.MAX_DEPTH + 1) + " levels deep; at most "
                        + FrameworkRules.MAX_DEPTH + " are allowed"))
                .expectNoEvents();
    }

    @Test
    void checksAndStoresLargeInputWithoutRecursion_whenChainsAreThousandsLong() {
        FrameworkContent deep = Contents.chain(20_000);
        assertThat(FrameworkRules.problems(deep))
                .anySatisfy(p -> assertThat(p).contains("levels deep"));
        assertThat(Drafts.normalize("fw-1", deep, null).competencies())
                .hasSize(20_000);

        List<Competency> flat = new ArrayList<>();
        List<Relation> prerequisites = new ArrayList<>();
        for (int i = 1; i <= 20_000; i++) {
            flat.add(competency("P" + i, null, "Step " + i));
            if (i > 1) {
                prerequisites.add(new Relation("P" + (i - 1), "P" + i, RelationType.PRECEDES, null));
            }
        }
        prerequisites.add(new Relation("P20000", "P1", RelationType.PRECEDES, null));
        FrameworkContent circular = Contents.withRelations(Contents.withCompetencies(valid(), flat), prerequisites);
        assertThat(FrameworkRules.problems(circular))
                .anySatisfy(p -> assertThat(p)
                        .startsWith("relation PRECEDES: prerequisites form a cycle: P1 -> P2 -> P3"));
    }
}
