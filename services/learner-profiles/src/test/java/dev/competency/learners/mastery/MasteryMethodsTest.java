package dev.competency.learners.mastery;

import static dev.competency.learners.mastery.Fixtures.SCALE;
import static dev.competency.learners.mastery.Fixtures.fold;
import static dev.competency.learners.mastery.Fixtures.from;
import static dev.competency.learners.mastery.Fixtures.policy;
import static dev.competency.learners.mastery.Fixtures.scored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each method against values computed by hand; the arithmetic is in the comments. */
class MasteryMethodsTest {

    private static final double EPS = 1e-12;

    @Test
    void picksHighestScore_whenMethodIsHighest() {
        MasteryResult result = fold(policy(MasteryMethod.highest()), 10,
                scored("e-1", 0.5, 1), scored("e-2", 0.9, 2), scored("e-3", 0.6, 3));

        // max(0.5, 0.9, 0.6) = 0.9, which reaches EXPERT (threshold 0.9)
        assertThat(result.score()).isEqualTo(0.9);
        assertThat(result.levelCode()).isEqualTo("EXPERT");
        assertThat(result.mastered()).isTrue();
        assertThat(result.rule()).isEqualTo(DecidingRule.COMPUTED);
        assertThat(result.explanation().contributions())
                .extracting(Explanation.Contribution::evidenceId, Explanation.Contribution::effectiveWeight)
                .containsExactly(
                        tuple("e-1", 0.0),
                        tuple("e-2", 1.0),
                        tuple("e-3", 0.0));
    }

    @Test
    void picksScoreThatOccurredLast_whenMethodIsLatest() {
        // e-late occurred on day 2 but is listed, and recorded, after e-3 of day 3: it is placed where it happened
        MasteryResult result = fold(policy(MasteryMethod.latest()), 10,
                scored("e-1", 0.9, 1), scored("e-3", 0.5, 3),
                Fixtures.recordedLate("e-late", 0.95, 2, 8));

        assertThat(result.score()).isEqualTo(0.5);
        assertThat(result.levelCode()).isEqualTo("DEVELOPING");
        assertThat(result.mastered()).isFalse();
        assertThat(result.explanation().contributions()).extracting(Explanation.Contribution::evidenceId)
                .containsExactly("e-1", "e-late", "e-3");
    }

    @Test
    void averagesScores_whenMethodIsAverage() {
        MasteryResult result = fold(policy(MasteryMethod.average()), 10,
                scored("e-1", 0.5, 1), scored("e-2", 0.9, 2), scored("e-3", 0.6, 3));

        // (0.5 + 0.9 + 0.6) / 3 = 2.0 / 3 = 0.6667 -> DEVELOPING (0.4 <= 0.6667 < 0.7)
        assertThat(result.score()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(result.levelCode()).isEqualTo("DEVELOPING");
        assertThat(result.explanation().contributions()).extracting(Explanation.Contribution::effectiveWeight)
                .allSatisfy(w -> assertThat(w).isCloseTo(1.0 / 3, within(EPS)));
    }

    @Test
    void weighsAverageBySourceCredibility_whenSourceWeightsDiffer() {
        MasteryPolicy policy = policy(MasteryMethod.average(),
                Map.of(SourceType.OBSERVATION, 2.0, SourceType.SELF, 0.5));
        MasteryResult result = fold(policy, 10,
                from(SourceType.OBSERVATION, "obs", 0.9, 1),
                from(SourceType.SELF, "self", 0.3, 2),
                from(SourceType.ASSESSMENT, "quiz", 0.6, 3));

        // (2.0*0.9 + 0.5*0.3 + 1.0*0.6) / (2.0 + 0.5 + 1.0) = (1.8 + 0.15 + 0.6) / 3.5 = 2.55 / 3.5 = 0.728571
        assertThat(result.score()).isCloseTo(2.55 / 3.5, within(EPS));
        assertThat(result.levelCode()).isEqualTo("PROFICIENT");
        // shares: 2/3.5, 0.5/3.5, 1/3.5
        assertThat(result.explanation().contributions())
                .extracting(Explanation.Contribution::sourceWeight).containsExactly(2.0, 0.5, 1.0);
        assertThat(result.explanation().contributions().get(0).effectiveWeight()).isCloseTo(2 / 3.5, within(EPS));
        assertThat(result.explanation().contributions().get(1).effectiveWeight()).isCloseTo(0.5 / 3.5, within(EPS));
        assertThat(result.explanation().contributions().get(2).effectiveWeight()).isCloseTo(1 / 3.5, within(EPS));
    }

    @Test
    void holdsScoreBack_untilNScoresReachMastery_whenMethodIsNMastery() {
        MasteryPolicy policy = policy(MasteryMethod.nMastery(2));

        // only 0.8 is at or above the mastery threshold 0.7: 1 of 2
        MasteryResult pending = fold(policy, 10, scored("e-1", 0.8, 1), scored("e-2", 0.5, 2));
        assertThat(pending.score()).isNull();
        assertThat(pending.levelCode()).isNull();
        assertThat(pending.mastered()).isFalse();
        assertThat(pending.rule()).isEqualTo(DecidingRule.N_MASTERY_PENDING);
        assertThat(pending.explanation().summary()).contains("needs 2 scores", "1 so far");

        // 0.8 and 0.9 qualify; 0.5 is counted but not averaged: (0.8 + 0.9) / 2 = 0.85 -> PROFICIENT
        MasteryResult reached = fold(policy, 10, scored("e-1", 0.8, 1), scored("e-2", 0.5, 2),
                scored("e-3", 0.9, 3));
        assertThat(reached.score()).isCloseTo(0.85, within(EPS));
        assertThat(reached.levelCode()).isEqualTo("PROFICIENT");
        assertThat(reached.mastered()).isTrue();
        assertThat(reached.evidenceCount()).isEqualTo(3);
        assertThat(reached.explanation().contributions()).extracting(Explanation.Contribution::effectiveWeight)
                .containsExactly(0.5, 0.0, 0.5);
    }

    @Test
    void reachesMasteryThreshold_whenEveryQualifyingScoreSitsExactlyOnIt() {
        // 0.7 + 0.7 + 0.7 is 2.0999999999999996 in binary floating point; the mean must still reach 0.7
        MasteryResult result = fold(policy(MasteryMethod.nMastery(3)), 10,
                scored("e-1", 0.7, 1), scored("e-2", 0.7, 2), scored("e-3", 0.7, 3));

        assertThat(result.score()).isEqualTo(0.7);
        assertThat(result.mastered()).isTrue();
    }

    @Test
    void reachesThreshold_whenAverageFallsShortOnlyByRounding() {
        // (0.6 + 0.7 + 0.8) / 3 is 0.6999999999999998 in binary floating point: within the scale's tolerance of 0.7
        MasteryResult result = fold(policy(MasteryMethod.average()), 10,
                scored("e-1", 0.6, 1), scored("e-2", 0.7, 2), scored("e-3", 0.8, 3));

        assertThat(result.levelCode()).isEqualTo("PROFICIENT");
        assertThat(result.mastered()).isTrue();
        assertThat(result.explanation().summary()).isEqualTo("AVERAGE over 3 items gives 0.700, level PROFICIENT.");
    }

    @Test
    void staysBelowThreshold_whenScoreIsShortByMoreThanTheTolerance() {
        // 0.6996 is below 0.7 for real; "0.700" in the explanation would contradict the level, so more digits show
        MasteryResult result = fold(policy(MasteryMethod.average()), 10,
                scored("e-1", 0.6992, 1), scored("e-2", 0.7, 2));

        assertThat(result.levelCode()).isEqualTo("DEVELOPING");
        assertThat(result.mastered()).isFalse();
        assertThat(result.explanation().summary()).isEqualTo("AVERAGE over 2 items gives 0.6996, level DEVELOPING.");
    }

    @Test
    void countsScoreAsQualifying_whenItMissesTheMasteryThresholdOnlyByRounding() {
        // (0.6 + 0.7 + 0.8) / 3 is 0.6999999999999998, as a score normalised elsewhere may be: 0.7 to a person
        MasteryResult result = fold(policy(MasteryMethod.nMastery(2)), 10,
                scored("e-1", (0.6 + 0.7 + 0.8) / 3, 1), scored("e-2", 0.7, 2));

        assertThat(result.rule()).isEqualTo(DecidingRule.COMPUTED);
        assertThat(result.mastered()).isTrue();
    }

    @Test
    void followsCanvasWeightedAverageExample_whenMethodIsWeightedAverage() {
        // Canvas-style "most recent counts 65%, the average of the rest 35%", over 2/4, 3/4 and 4/4:
        // points: 0.65 * 4 + 0.35 * (2 + 3) / 2 = 2.6 + 0.875 = 3.475 of 4
        // normalised: 0.65 * 1.0 + 0.35 * (0.5 + 0.75) / 2 = 0.65 + 0.21875 = 0.86875 = 3.475 / 4
        MasteryResult result = fold(policy(MasteryMethod.weightedAverage(0.65)), 10,
                scored("e-1", 2 / 4.0, 1), scored("e-2", 3 / 4.0, 2), scored("e-3", 4 / 4.0, 3));

        assertThat(result.score()).isCloseTo(0.86875, within(EPS));
        assertThat(result.levelCode()).isEqualTo("PROFICIENT");
        // shares: 0.35 / 2 = 0.175 for each earlier score, 0.65 for the latest
        assertThat(result.explanation().contributions()).extracting(Explanation.Contribution::effectiveWeight)
                .satisfiesExactly(
                        w -> assertThat(w).isCloseTo(0.175, within(EPS)),
                        w -> assertThat(w).isCloseTo(0.175, within(EPS)),
                        w -> assertThat(w).isCloseTo(0.65, within(EPS)));
    }

    @Test
    void scoresTheSingleItem_whenWeightedAverageHasOneItem() {
        MasteryResult result = fold(policy(MasteryMethod.weightedAverage(0.65)), 10, scored("e-1", 0.42, 1));

        assertThat(result.score()).isEqualTo(0.42);
        assertThat(result.explanation().contributions().get(0).effectiveWeight()).isEqualTo(1.0);
    }

    @Test
    void scoresTheMeanOfThePreviousScores_whenWeightedAverageWeightIsZero() {
        // 0 * 0.9 + (1 - 0) * mean(0.7) = 0.7: the latest score counts for nothing, the method stays what it is
        MasteryResult result = fold(policy(MasteryMethod.weightedAverage(0.0)), 10,
                scored("e-1", 0.7, 1), scored("e-2", 0.9, 2));

        assertThat(result.score()).isEqualTo(0.7);
        assertThat(result.method()).hasToString("WEIGHTED_AVERAGE(w=0.0)");
        assertThat(result.method().kind()).isEqualTo(MasteryMethod.Kind.WEIGHTED_AVERAGE);
        assertThat(result.explanation().contributions()).extracting(Explanation.Contribution::effectiveWeight)
                .containsExactly(1.0, 0.0);
    }

    @Test
    void movesContinuouslyFromTheMeanOfThePreviousScores_whenWeightedAverageWeightIsTiny() {
        // 0.000001 * 0.9 + 0.999999 * 0.7 = 0.7000002: no jump between w = 0 and a weight just above it
        MasteryResult tiny = fold(policy(MasteryMethod.weightedAverage(0.000001)), 10,
                scored("e-1", 0.7, 1), scored("e-2", 0.9, 2));
        MasteryResult zero = fold(policy(MasteryMethod.weightedAverage(0.0)), 10,
                scored("e-1", 0.7, 1), scored("e-2", 0.9, 2));

        assertThat(tiny.score()).isCloseTo(0.7000002, within(EPS));
        assertThat(tiny.score() - zero.score()).isCloseTo(0.0000002, within(EPS));
    }

    @Test
    void weighsOnlyTheEarlierMean_whenWeightedAverageSourcesDiffer() {
        MasteryPolicy policy = policy(MasteryMethod.weightedAverage(0.5), Map.of(SourceType.PEER, 0.5));
        MasteryResult result = fold(policy, 10,
                from(SourceType.PEER, "peer", 0.2, 1),
                from(SourceType.ASSESSMENT, "quiz", 0.8, 2),
                from(SourceType.PEER, "peer-2", 1.0, 3));

        // previous mean (0.5*0.2 + 1.0*0.8) / 1.5 = 0.9 / 1.5 = 0.6; the latest's own weight does not change w:
        // 0.5 * 1.0 + 0.5 * 0.6 = 0.8
        assertThat(result.score()).isCloseTo(0.8, within(EPS));
    }

    @Test
    void followsCanvasDecayingAverageExample_whenMethodIsDecayingAverage() {
        // D1 = 0.5; D2 = 0.35 * 0.5 + 0.65 * 0.75 = 0.175 + 0.4875 = 0.6625;
        // D3 = 0.35 * 0.6625 + 0.65 * 1.0 = 0.231875 + 0.65 = 0.881875 (3.5275 of 4 points)
        MasteryResult result = fold(policy(MasteryMethod.decayingAverage(0.65)), 10,
                scored("e-1", 0.5, 1), scored("e-2", 0.75, 2), scored("e-3", 1.0, 3));

        assertThat(result.score()).isCloseTo(0.881875, within(EPS));
        assertThat(result.levelCode()).isEqualTo("PROFICIENT");
        // shares: e-3 0.65; e-2 0.65 * 0.35 = 0.2275; e-1 1 * 0.35 * 0.35 = 0.1225 (sum 1)
        assertThat(result.explanation().contributions()).extracting(Explanation.Contribution::effectiveWeight)
                .satisfiesExactly(
                        w -> assertThat(w).isCloseTo(0.1225, within(EPS)),
                        w -> assertThat(w).isCloseTo(0.2275, within(EPS)),
                        w -> assertThat(w).isCloseTo(0.65, within(EPS)));
    }

    @Test
    void scalesDecayRateBySourceWeight_whenDecayingAverageSourceIsLessCredible() {
        MasteryPolicy policy = policy(MasteryMethod.decayingAverage(0.65), Map.of(SourceType.SELF, 0.5));
        MasteryResult result = fold(policy, 10,
                from(SourceType.ASSESSMENT, "quiz", 0.5, 1), from(SourceType.SELF, "self", 0.75, 2));

        // r = 0.65 * 0.5 = 0.325; D2 = 0.675 * 0.5 + 0.325 * 0.75 = 0.3375 + 0.24375 = 0.58125
        assertThat(result.score()).isCloseTo(0.58125, within(EPS));
    }

    @Test
    void tracesKnowledge_whenMethodIsBkt() {
        MasteryMethod bkt = MasteryMethod.bkt(0.3, 0.1, 0.2, 0.1, 0.0);

        // correct (0.8 >= 0.7): post = 0.3*0.9 / (0.3*0.9 + 0.7*0.2) = 0.27 / 0.41 = 0.658537
        //   transition: 0.658537 * (1 - 0) + 0.341463 * 0.1 = 0.692683
        MasteryResult one = fold(policy(bkt), 10, scored("e-1", 0.8, 1));
        assertThat(one.score()).isCloseTo(0.6926829268292684, within(EPS));
        assertThat(one.levelCode()).isEqualTo("DEVELOPING");

        // incorrect (0.4 < 0.7): post = 0.692683*0.1 / (0.692683*0.1 + 0.307317*0.8) = 0.069268 / 0.315122 = 0.219814
        //   transition: 0.219814 + 0.780186 * 0.1 = 0.297833
        MasteryResult two = fold(policy(bkt), 10, scored("e-1", 0.8, 1), scored("e-2", 0.4, 2));
        assertThat(two.score()).isCloseTo(0.29783281733746136, within(EPS));
        assertThat(two.levelCode()).isEqualTo("NOVICE");
    }

    @Test
    void movesBktEstimateHalfway_whenSourceWeighsHalf() {
        MasteryPolicy policy = policy(MasteryMethod.bkt(0.3, 0.1, 0.2, 0.1, 0.0), Map.of(SourceType.SELF, 0.5));
        MasteryResult result = fold(policy, 10, from(SourceType.SELF, "self", 0.8, 1));

        // full posterior 0.658537; interpolated 0.3 + 0.5 * (0.658537 - 0.3) = 0.479268;
        // transition 0.479268 + 0.520732 * 0.1 = 0.531341
        assertThat(result.score()).isCloseTo(0.5313414634146342, within(EPS));
        assertThat(result.explanation().contributions().get(0).effectiveWeight()).isEqualTo(0.5);
    }

    @Test
    void forgetsBetweenObservations_whenBktForgettingIsSet() {
        MasteryResult result = fold(policy(MasteryMethod.bkt(1.0, 0.0, 0.2, 0.1, 0.25)), 10,
                scored("e-1", 0.9, 1));

        // post = 1.0 * 0.9 / (0.9 + 0) = 1.0; transition 1.0 * 0.75 + 0 * 0 = 0.75
        assertThat(result.score()).isCloseTo(0.75, within(EPS));
    }

    @Test
    void keepsPrior_whenBktObservationIsImpossibleUnderModel() {
        // P(L) = 0 and pG = 0: a correct answer has probability 0, the denominator is 0, the prior stays 0
        MasteryResult result = fold(policy(MasteryMethod.bkt(0.0, 0.0, 0.0, 0.1, 0.0)), 10, scored("e-1", 0.9, 1));

        assertThat(result.score()).isEqualTo(0.0);
    }

    @Test
    void reportsMethodAndPolicyVersion_whenFolded() {
        MasteryResult result = fold(policy(MasteryMethod.weightedAverage(0.65)), 10, scored("e-1", 0.5, 1));

        assertThat(result.method()).isEqualTo(MasteryMethod.weightedAverage(0.65));
        assertThat(result.method()).hasToString("WEIGHTED_AVERAGE(w=0.65)");
        assertThat(result.policyVersion()).isEqualTo(3);
        assertThat(result.competencyId()).isEqualTo(Fixtures.COMPETENCY);
        assertThat(result.explanation().summary()).startsWith("WEIGHTED_AVERAGE(w=0.65) over 1 item gives 0.500");
    }

    @Test
    void mapsScoresOntoLevels_whenScoresSitOnThresholds() {
        assertThat(SCALE.indexFor(0.0)).isEqualTo(SCALE.indexOf("NOVICE"));
        assertThat(SCALE.indexFor(0.3999)).isEqualTo(SCALE.indexOf("NOVICE"));
        assertThat(SCALE.indexFor(0.4)).isEqualTo(SCALE.indexOf("DEVELOPING"));
        assertThat(SCALE.indexFor(0.7)).isEqualTo(SCALE.indexOf("PROFICIENT"));
        assertThat(SCALE.indexFor(1.0)).isEqualTo(SCALE.indexOf("EXPERT"));
        ProficiencyScale highFloor = new ProficiencyScale(List.of(new ProficiencyLevel("PASS", "Pass", 0.5, true)));
        assertThat(highFloor.indexFor(0.49)).isEqualTo(-1);
    }
}
