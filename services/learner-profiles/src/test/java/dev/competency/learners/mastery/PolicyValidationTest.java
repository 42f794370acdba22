package dev.competency.learners.mastery;

import static dev.competency.learners.mastery.Fixtures.COMPETENCY;
import static dev.competency.learners.mastery.Fixtures.SCALE;
import static dev.competency.learners.mastery.Fixtures.day;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every invalid parameter is rejected with a message that names it. */
class PolicyValidationTest {

    private static final ProficiencyLevel LOW = new ProficiencyLevel("LOW", "Low", 0.0, false);
    private static final ProficiencyLevel HIGH = new ProficiencyLevel("HIGH", "High", 0.8, true);
    private static final Instant AT = day(1);

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidParameters")
    void rejectsParameter_whenOutOfRange(ThrowingCallable construction, String message) {
        assertThatThrownBy(construction).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    static Stream<Arguments> invalidParameters() {
        return Stream.of(
                // methods
                invalid("n below 1", () -> MasteryMethod.nMastery(0), "n must be at least 1 but was 0"),
                invalid("w below 0", () -> MasteryMethod.weightedAverage(-0.01), "w must be in [0,1] but was -0.01"),
                invalid("w above 1", () -> MasteryMethod.weightedAverage(1.01), "w must be in [0,1] but was 1.01"),
                invalid("w NaN", () -> MasteryMethod.weightedAverage(Double.NaN), "w must be in [0,1] but was NaN"),
                invalid("d of 0", () -> MasteryMethod.decayingAverage(0), "d must be in (0,1] but was 0.0"),
                invalid("d above 1", () -> MasteryMethod.decayingAverage(2), "d must be in (0,1] but was 2.0"),
                invalid("pL0 below 0", () -> MasteryMethod.bkt(-0.1, 0.1, 0.2, 0.1, 0),
                        "pL0 must be in [0,1] but was -0.1"),
                invalid("pT above 1", () -> MasteryMethod.bkt(0.1, 1.1, 0.2, 0.1, 0),
                        "pT must be in [0,1] but was 1.1"),
                invalid("pG NaN", () -> MasteryMethod.bkt(0.1, 0.1, Double.NaN, 0.1, 0),
                        "pG must be in [0,1] but was NaN"),
                invalid("pS below 0", () -> MasteryMethod.bkt(0.1, 0.1, 0.2, -1, 0),
                        "pS must be in [0,1] but was -1.0"),
                invalid("pF above 1", () -> MasteryMethod.bkt(0.1, 0.1, 0.2, 0.1, 1.5),
                        "pF must be in [0,1] but was 1.5"),
                invalid("pG + pS of 1", () -> MasteryMethod.bkt(0.1, 0.1, 0.5, 0.5, 0),
                        "pG + pS must be below 1 but was 1.0"),
                // levels and scales
                invalid("blank level code", () -> new ProficiencyLevel(" ", "Low", 0, false),
                        "code must not be blank"),
                invalid("blank level label", () -> new ProficiencyLevel("LOW", "", 0, false),
                        "label must not be blank"),
                invalid("threshold above 1", () -> new ProficiencyLevel("LOW", "Low", 1.2, false),
                        "threshold must be in [0,1] but was 1.2 for level LOW"),
                invalid("threshold NaN", () -> new ProficiencyLevel("LOW", "Low", Double.NaN, false),
                        "threshold must be in [0,1] but was NaN for level LOW"),
                invalid("no levels", () -> new ProficiencyScale(List.of()), "levels must not be empty"),
                invalid("repeated code", () -> ProficiencyScale.of(LOW, new ProficiencyLevel("LOW", "Again", 0.5, true)),
                        "levels must have unique codes but LOW repeats"),
                invalid("equal thresholds", () -> ProficiencyScale.of(LOW, new ProficiencyLevel("MID", "Mid", 0.0, true)),
                        "levels must have strictly increasing thresholds but MID (0.0) does not exceed LOW (0.0)"),
                invalid("decreasing thresholds", () -> ProficiencyScale.of(HIGH, new ProficiencyLevel("MID", "Mid", 0.5,
                        false)), "levels must have strictly increasing thresholds but MID (0.5) does not exceed HIGH (0.8)"),
                invalid("no mastery level", () -> ProficiencyScale.of(LOW),
                        "levels must contain exactly one mastery level but had 0"),
                invalid("two mastery levels", () -> ProficiencyScale.of(LOW, HIGH,
                        new ProficiencyLevel("TOP", "Top", 0.9, true)),
                        "levels must contain exactly one mastery level but had 2"),
                // policies
                invalid("policyVersion 0", () -> policy(0, Map.of(), 1, null, null),
                        "policyVersion must be at least 1 but was 0"),
                invalid("negative weight", () -> policy(1, Map.of(SourceType.PEER, -0.5), 1, null, null),
                        "sourceWeights[PEER] must be a finite number at least 0 but was -0.5"),
                invalid("NaN weight", () -> policy(1, Map.of(SourceType.SELF, Double.NaN), 1, null, null),
                        "sourceWeights[SELF] must be a finite number at least 0 but was NaN"),
                invalid("infinite weight", () -> policy(1, Map.of(SourceType.XAPI, Double.POSITIVE_INFINITY), 1,
                        null, null), "sourceWeights[XAPI] must be a finite number at least 0 but was Infinity"),
                invalid("null weight", () -> policy(1, nullWeight(), 1, null, null),
                        "sourceWeights[OBSERVATION] must be a finite number at least 0 but was null"),
                invalid("negative minimumEvidence", () -> policy(1, Map.of(), -1, null, null),
                        "minimumEvidence must be at least 0 but was -1"),
                invalid("zero validity", () -> policy(1, Map.of(), 1, Duration.ZERO, null),
                        "validity must be positive but was PT0S"),
                invalid("negative half-life", () -> policy(1, Map.of(), 1, null, Duration.ofDays(-1)),
                        "decayHalfLife must be positive but was PT-24H"),
                // evidence
                invalid("blank evidenceId", () -> evidence("", "comp", 0.5, SourceType.ASSESSMENT, "a", null),
                        "evidenceId must not be blank"),
                invalid("blank competencyId", () -> evidence("e-1", " ", 0.5, SourceType.ASSESSMENT, "a", null),
                        "competencyId must not be blank"),
                invalid("blank actorId", () -> evidence("e-1", "comp", 0.5, SourceType.ASSESSMENT, null, null),
                        "actorId must not be blank"),
                invalid("score above 1", () -> evidence("e-1", "comp", 1.5, SourceType.ASSESSMENT, "a", null),
                        "score must be in [0,1] but was 1.5 for evidence e-1"),
                invalid("score NaN", () -> evidence("e-1", "comp", Double.NaN, SourceType.ASSESSMENT, "a", null),
                        "score must be in [0,1] but was NaN for evidence e-1"),
                invalid("rated level on an assessment", () -> evidence("e-1", "comp", 0.5, SourceType.ASSESSMENT, "a",
                        "EXPERT"), "ratedLevel is only allowed with MANUAL_RATING but evidence e-1 is ASSESSMENT"),
                invalid("blank rated level", () -> evidence("e-1", "comp", 0.5, SourceType.MANUAL_RATING, "a", " "),
                        "ratedLevel must not be blank"),
                // fold inputs
                invalid("blank competency for the fold", () -> new MasteryFold(" ", Fixtures.policy(
                        MasteryMethod.highest())), "competencyId must not be blank"),
                invalid("blank void id", () -> new MasteryFold(COMPETENCY, Fixtures.policy(MasteryMethod.highest()))
                        .voidEvidence(""), "evidenceId must not be blank"),
                // roll-up
                invalid("no children", () -> new RollupPolicy.AllChildren(List.of()), "children must not be empty"),
                invalid("repeated child", () -> new RollupPolicy.AllChildren(List.of("c-1", "c-1")),
                        "children must be unique but c-1 repeats"),
                invalid("blank child", () -> new RollupPolicy.AllChildren(List.of("c-1", "")),
                        "children[] must not be blank"),
                invalid("required child that is not a child", () -> new RollupPolicy.Points(List.of("c-1"),
                        Set.of("c-9"), 2), "requiredChildren must be children but c-9 is not one"),
                invalid("pointsTarget of 0", () -> new RollupPolicy.Points(List.of("c-1"), Set.of(), 0),
                        "pointsTarget must be a finite number above 0 but was 0.0"),
                invalid("pointsTarget NaN", () -> new RollupPolicy.Points(List.of("c-1"), Set.of(), Double.NaN),
                        "pointsTarget must be a finite number above 0 but was NaN"));
    }

    private static Arguments invalid(String name, ThrowingCallable construction, String message) {
        return arguments(named(name, construction), message);
    }

    private static MasteryPolicy policy(int version, Map<SourceType, Double> weights, int minimumEvidence,
            Duration validity, Duration halfLife) {
        return new MasteryPolicy(version, MasteryMethod.highest(), SCALE, weights, minimumEvidence,
                ManualRatingPrecedence.ALWAYS, validity, halfLife);
    }

    private static Map<SourceType, Double> nullWeight() {
        Map<SourceType, Double> weights = new HashMap<>();
        weights.put(SourceType.OBSERVATION, null);
        return weights;
    }

    private static Evidence evidence(String id, String competency, double score, SourceType source, String actor,
            String ratedLevel) {
        return new Evidence(id, competency, score, source, actor, AT, AT, ratedLevel, false);
    }
}
