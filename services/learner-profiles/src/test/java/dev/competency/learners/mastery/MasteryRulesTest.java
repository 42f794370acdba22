package dev.competency.learners.mastery;

import static dev.competency.learners.mastery.Fixtures.COMPETENCY;
import static dev.competency.learners.mastery.Fixtures.day;
import static dev.competency.learners.mastery.Fixtures.fold;
import static dev.competency.learners.mastery.Fixtures.from;
import static dev.competency.learners.mastery.Fixtures.policy;
import static dev.competency.learners.mastery.Fixtures.rating;
import static dev.competency.learners.mastery.Fixtures.recordedLate;
import static dev.competency.learners.mastery.Fixtures.scored;
import static dev.competency.learners.mastery.Fixtures.voided;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Policy rules around the method: manual ratings, minimum evidence, voids, weights, time. */
class MasteryRulesTest {

    @Nested
    class ManualRatings {

        private final MasteryMethod average = MasteryMethod.average();

        @Test
        void outranksComputedLevel_untilNewerEvidence_whenPrecedenceIsUntilNewerEvidence() {
            MasteryPolicy policy = policy(average, 1, ManualRatingPrecedence.UNTIL_NEWER_EVIDENCE);
            Evidence quiz = scored("quiz", 0.5, 1);
            Evidence rated = rating("rating", "EXPERT", "assessor-7", 59);

            MasteryResult overridden = fold(policy, 100, quiz, rated);
            assertThat(overridden.levelCode()).isEqualTo("EXPERT");
            assertThat(overridden.mastered()).isTrue();
            assertThat(overridden.score()).isEqualTo(0.5);
            assertThat(overridden.rule()).isEqualTo(DecidingRule.MANUAL_RATING);
            assertThat(overridden.explanation().summary())
                    .isEqualTo("Manual rating by assessor-7 on 2026-03-01 outranks the computed level: EXPERT"
                            + " instead of DEVELOPING.");
            assertThat(overridden.evidenceCount()).isEqualTo(2);

            // newer evidence ends the override: (0.5 + 0.6) / 2 = 0.55 -> DEVELOPING
            MasteryResult superseded = fold(policy, 100, quiz, rated, scored("newer", 0.6, 60));
            assertThat(superseded.levelCode()).isEqualTo("DEVELOPING");
            assertThat(superseded.mastered()).isFalse();
            assertThat(superseded.rule()).isEqualTo(DecidingRule.COMPUTED);
            assertThat(superseded.explanation().summary()).contains(
                    "manual rating by assessor-7 on 2026-03-01 was superseded by newer evidence newer");
        }

        @Test
        void keepsOverride_whenLateEvidenceOccurredBeforeTheRating() {
            MasteryPolicy policy = policy(average, 1, ManualRatingPrecedence.UNTIL_NEWER_EVIDENCE);

            // recorded after the rating, but it happened before it: not newer in fold order
            MasteryResult result = fold(policy, 100, scored("quiz", 0.5, 1), rating("rating", "EXPERT", "a-1", 10),
                    recordedLate("late", 0.2, 5, 20));

            assertThat(result.levelCode()).isEqualTo("EXPERT");
            assertThat(result.rule()).isEqualTo(DecidingRule.MANUAL_RATING);
        }

        @Test
        void endsOverride_whenEvidenceOccurredAfterTheRatingThoughRecordedBeforeIt() {
            MasteryPolicy policy = policy(average, 1, ManualRatingPrecedence.UNTIL_NEWER_EVIDENCE);
            // the rating is recorded on day 20 for an observation on day 10; the quiz happened on day 15
            Evidence backdatedRating = new Evidence("rating", COMPETENCY, 1.0, SourceType.MANUAL_RATING,
                    "a-1", day(10), day(20), "EXPERT", false);

            MasteryResult result = fold(policy, 100, scored("quiz", 0.5, 15), backdatedRating);

            assertThat(result.rule()).isEqualTo(DecidingRule.COMPUTED);
            assertThat(result.levelCode()).isEqualTo("DEVELOPING");
        }

        @Test
        void alwaysAppliesLatestRating_whenPrecedenceIsAlways() {
            MasteryPolicy policy = policy(average, 1, ManualRatingPrecedence.ALWAYS);

            MasteryResult result = fold(policy, 100, rating("r-1", "EXPERT", "a-1", 1),
                    rating("r-2", "DEVELOPING", "assessor-9", 2), scored("newer", 0.95, 3));

            assertThat(result.levelCode()).isEqualTo("DEVELOPING");
            assertThat(result.mastered()).isFalse();
            assertThat(result.score()).isEqualTo(0.95);
            assertThat(result.explanation().summary()).startsWith(
                    "Manual rating by assessor-9 on 2026-01-03 outranks the computed level: DEVELOPING instead of"
                            + " EXPERT.");
            assertThat(result.explanation().contributions())
                    .extracting(Explanation.Contribution::evidenceId, Explanation.Contribution::effectiveWeight)
                    .containsExactly(tuple("r-1", 0.0), tuple("r-2", 0.0), tuple("newer", 1.0));
        }

        @Test
        void countsRatingScoreAsOrdinaryEvidence_whenPrecedenceIsNever() {
            MasteryPolicy policy = policy(average, 1, ManualRatingPrecedence.NEVER);

            // the rating's score 1.0 is just another score: (0.5 + 1.0) / 2 = 0.75 -> PROFICIENT, not EXPERT
            MasteryResult result = fold(policy, 100, scored("quiz", 0.5, 1), rating("r-1", "EXPERT", "a-1", 2));

            assertThat(result.score()).isEqualTo(0.75);
            assertThat(result.levelCode()).isEqualTo("PROFICIENT");
            assertThat(result.rule()).isEqualTo(DecidingRule.COMPUTED);
        }

        @Test
        void outranksMinimumEvidence_whenRatingIsActive() {
            MasteryPolicy policy = policy(average, 3, ManualRatingPrecedence.UNTIL_NEWER_EVIDENCE);

            MasteryResult result = fold(policy, 100, scored("quiz", 0.8, 1), rating("r-1", "PROFICIENT", "a-1", 2));

            assertThat(result.levelCode()).isEqualTo("PROFICIENT");
            assertThat(result.mastered()).isTrue();
            assertThat(result.explanation().summary()).contains("instead of DEVELOPING");
        }

        @Test
        void excludesRating_whenItNamesALevelTheScaleLacks() {
            MasteryPolicy policy = policy(average, 1, ManualRatingPrecedence.ALWAYS);

            MasteryResult result = fold(policy, 100, scored("quiz", 0.8, 1), rating("r-1", "GURU", "a-1", 2));

            assertThat(result.levelCode()).isEqualTo("PROFICIENT");
            assertThat(result.explanation().exclusions())
                    .extracting(Explanation.Exclusion::evidenceId, Explanation.Exclusion::reason)
                    .containsExactly(tuple("r-1", ExclusionReason.UNKNOWN_RATED_LEVEL));
        }

        @Test
        void ignoresRating_whenManualRatingsWeighZero() {
            MasteryPolicy policy = new MasteryPolicy(3, average, Fixtures.SCALE,
                    Map.of(SourceType.MANUAL_RATING, 0.0), 1, ManualRatingPrecedence.ALWAYS, null, null);

            MasteryResult result = fold(policy, 100, scored("quiz", 0.5, 1), rating("r-1", "EXPERT", "a-1", 2));

            assertThat(result.levelCode()).isEqualTo("DEVELOPING");
            assertThat(result.explanation().exclusions()).extracting(Explanation.Exclusion::reason)
                    .containsExactly(ExclusionReason.ZERO_WEIGHT);
        }

        @Test
        void treatsManualRatingWithoutLevelAsScore_whenPrecedenceIsAlways() {
            MasteryPolicy policy = policy(average, 1, ManualRatingPrecedence.ALWAYS);
            Evidence unrated = new Evidence("r-1", COMPETENCY, 0.9, SourceType.MANUAL_RATING, "a-1", day(2), day(2));

            MasteryResult result = fold(policy, 100, scored("quiz", 0.5, 1), unrated);

            // (0.5 + 0.9) / 2 = 0.7
            assertThat(result.score()).isCloseTo(0.7, within(1e-12));
            assertThat(result.rule()).isEqualTo(DecidingRule.COMPUTED);
        }
    }

    @Nested
    class MinimumEvidence {

        @Test
        void holdsLevelBelowMastery_whenFewerItemsThanMinimum() {
            MasteryPolicy policy = policy(MasteryMethod.highest(), 3, ManualRatingPrecedence.UNTIL_NEWER_EVIDENCE);

            MasteryResult held = fold(policy, 100, scored("e-1", 0.95, 1), scored("e-2", 0.9, 2));
            assertThat(held.levelCode()).isEqualTo("DEVELOPING");
            assertThat(held.score()).isEqualTo(0.95);
            assertThat(held.mastered()).isFalse();
            assertThat(held.rule()).isEqualTo(DecidingRule.MINIMUM_EVIDENCE);
            assertThat(held.explanation().summary())
                    .isEqualTo("Held back by the minimum-evidence rule: 2 items scored, the policy requires 3."
                            + " HIGHEST gives 0.950, level EXPERT; held at DEVELOPING, below the mastery level"
                            + " PROFICIENT, until then.");

            MasteryResult released = fold(policy, 100, scored("e-1", 0.95, 1), scored("e-2", 0.9, 2),
                    scored("e-3", 0.1, 3));
            assertThat(released.levelCode()).isEqualTo("EXPERT");
            assertThat(released.mastered()).isTrue();
        }

        @Test
        void showsLevelBelowMastery_whenFewerItemsThanMinimum() {
            MasteryPolicy policy = policy(MasteryMethod.highest(), 3, ManualRatingPrecedence.UNTIL_NEWER_EVIDENCE);

            MasteryResult result = fold(policy, 100, scored("e-1", 0.5, 1));

            assertThat(result.levelCode()).isEqualTo("DEVELOPING");
            assertThat(result.mastered()).isFalse();
            assertThat(result.rule()).isEqualTo(DecidingRule.MINIMUM_EVIDENCE);
            assertThat(result.explanation().summary())
                    .isEqualTo("Held back by the minimum-evidence rule: 1 item scored, the policy requires 3."
                            + " HIGHEST gives 0.500, level DEVELOPING.");
        }

        @Test
        void reportsNoLevel_whenMinimumHoldsBackTheLowestLevelAsMastery() {
            ProficiencyScale passFail = ProficiencyScale.of(new ProficiencyLevel("PASS", "Pass", 0.5, true));
            MasteryPolicy policy = new MasteryPolicy(3, MasteryMethod.highest(), passFail, Map.of(), 2,
                    ManualRatingPrecedence.UNTIL_NEWER_EVIDENCE, null, null);

            MasteryResult result = MasteryFold.fold(COMPETENCY, policy,
                    List.of(scored("e-1", 0.9, 1)), day(100));

            assertThat(result.levelCode()).isNull();
            assertThat(result.mastered()).isFalse();
        }

        @Test
        void countsOnlyItemsThatCount_whenSomeAreExcluded() {
            MasteryPolicy policy = new MasteryPolicy(3, MasteryMethod.highest(), Fixtures.SCALE,
                    Map.of(SourceType.SELF, 0.0), 2, ManualRatingPrecedence.UNTIL_NEWER_EVIDENCE, null, null);

            MasteryResult result = fold(policy, 100, scored("e-1", 0.95, 1), from(SourceType.SELF, "self", 1.0, 2));

            assertThat(result.rule()).isEqualTo(DecidingRule.MINIMUM_EVIDENCE);
            assertThat(result.evidenceCount()).isEqualTo(1);
        }

        @Test
        void reportsNoEvidence_whenNothingCounts() {
            MasteryResult none = fold(policy(MasteryMethod.highest()), 100);
            assertThat(none.rule()).isEqualTo(DecidingRule.NO_EVIDENCE);
            assertThat(none.levelCode()).isNull();
            assertThat(none.score()).isNull();
            assertThat(none.firstEvidenceAt()).isNull();
            assertThat(none.explanation().summary()).isEqualTo("No evidence for this competency yet.");

            MasteryResult allVoided = fold(policy(MasteryMethod.highest()), 100, voided("e-1", 0.9, 1));
            assertThat(allVoided.rule()).isEqualTo(DecidingRule.NO_EVIDENCE);
            assertThat(allVoided.explanation().summary()).isEqualTo("No evidence counts: 1 item excluded.");
        }
    }

    @Nested
    class Voiding {

        @Test
        void removesVoidedEvidence_whenFlaggedOrInVoidSet() {
            List<Evidence> evidence = List.of(scored("e-1", 0.95, 1), voided("e-2", 0.6, 2),
                    scored("e-3", 0.5, 3));

            MasteryResult result = MasteryFold.fold(COMPETENCY, policy(MasteryMethod.average()), evidence,
                    Set.of("e-1"), day(100), day(100));

            assertThat(result.score()).isEqualTo(0.5);
            assertThat(result.evidenceCount()).isEqualTo(1);
            assertThat(result.explanation().exclusions())
                    .extracting(Explanation.Exclusion::evidenceId, Explanation.Exclusion::reason)
                    .containsExactly(tuple("e-1", ExclusionReason.VOIDED), tuple("e-2", ExclusionReason.VOIDED));
        }

        @Test
        void voidsTheId_whenAnyCopyIsFlagged() {
            Evidence original = scored("e-1", 0.95, 1);

            MasteryResult result = fold(policy(MasteryMethod.highest()), 100, original, scored("e-2", 0.5, 2),
                    voided("e-1", 0.95, 1));

            assertThat(result.score()).isEqualTo(0.5);
        }

        @Test
        void recomputes_whenAccumulatedEvidenceIsVoidedLater() {
            MasteryFold fold = new MasteryFold(COMPETENCY, policy(MasteryMethod.highest()));
            fold.add(scored("e-1", 0.95, 1));
            fold.add(scored("e-2", 0.5, 2));
            assertThat(fold.result(day(100)).score()).isEqualTo(0.95);

            assertThat(fold.voidEvidence("e-1")).isTrue();
            assertThat(fold.voidEvidence("e-1")).isFalse();

            assertThat(fold.result(day(100)).score()).isEqualTo(0.5);
        }

        @Test
        void excludesEvidence_whenItsVoidArrivedFirst() {
            MasteryFold fold = new MasteryFold(COMPETENCY, policy(MasteryMethod.highest()));
            fold.voidEvidence("e-1");
            fold.add(scored("e-1", 0.95, 1));

            assertThat(fold.result(day(100)).rule()).isEqualTo(DecidingRule.NO_EVIDENCE);
        }
    }

    @Nested
    class SourceWeights {

        @Test
        void excludesSource_whenItsWeightIsZero() {
            MasteryPolicy policy = policy(MasteryMethod.highest(), Map.of(SourceType.SELF, 0.0));

            MasteryResult result = fold(policy, 100, from(SourceType.SELF, "self", 1.0, 1),
                    from(SourceType.PEER, "peer", 0.6, 2));

            assertThat(result.score()).isEqualTo(0.6);
            assertThat(result.explanation().contributions())
                    .extracting(Explanation.Contribution::evidenceId, Explanation.Contribution::sourceType,
                            Explanation.Contribution::rawScore, Explanation.Contribution::sourceWeight)
                    .containsExactly(tuple("peer", SourceType.PEER, 0.6, 1.0));
            assertThat(result.explanation().exclusions())
                    .extracting(Explanation.Exclusion::evidenceId, Explanation.Exclusion::reason)
                    .containsExactly(tuple("self", ExclusionReason.ZERO_WEIGHT));
        }

        @Test
        void picksLatestCredibleItem_whenLatestSourceWeighsZero() {
            MasteryPolicy policy = policy(MasteryMethod.latest(), Map.of(SourceType.XAPI, 0.0));

            MasteryResult result = fold(policy, 100, from(SourceType.OBSERVATION, "obs", 0.8, 1),
                    from(SourceType.XAPI, "xapi", 0.1, 2));

            assertThat(result.score()).isEqualTo(0.8);
        }
    }

    @Nested
    class Time {

        private final Duration year = Duration.ofDays(365);
        private final Duration month = Duration.ofDays(30);

        @Test
        void expiresMastery_whenValidityPeriodHasPassed() {
            MasteryPolicy policy = policy(MasteryMethod.highest(), year, null);
            Evidence evidence = scored("e-1", 0.8, 0);

            MasteryResult valid = fold(policy, 364, evidence);
            assertThat(valid.mastered()).isTrue();
            assertThat(valid.expiresAt()).isEqualTo(day(365));

            // expiresAt = last evidence (day 0) + 365 days; at that instant mastery has expired
            MasteryResult expired = fold(policy, 365, evidence);
            assertThat(expired.mastered()).isFalse();
            assertThat(expired.levelCode()).isEqualTo("PROFICIENT");
            assertThat(expired.rule()).isEqualTo(DecidingRule.EXPIRED);
            assertThat(expired.explanation().summary()).startsWith(
                    "Mastery expired at 2027-01-01T00:00:00Z (last evidence on 2026-01-01 plus the validity period"
                            + " PT8760H). Before expiry: HIGHEST over 1 item gives 0.800, level PROFICIENT.");
        }

        @Test
        void neverExpires_whenValidityReachesPastTheLastInstant() {
            MasteryPolicy policy = policy(MasteryMethod.highest(), Duration.ofSeconds(Long.MAX_VALUE), null);

            MasteryResult result = fold(policy, 400, scored("e-1", 0.8, 0));

            assertThat(result.expiresAt()).isEqualTo(Instant.MAX);
            assertThat(result.mastered()).isTrue();
        }

        @Test
        void restartsValidity_whenNewerEvidenceArrives() {
            MasteryPolicy policy = policy(MasteryMethod.highest(), year, null);

            MasteryResult result = fold(policy, 400, scored("e-1", 0.8, 0), scored("e-2", 0.1, 100));

            assertThat(result.expiresAt()).isEqualTo(day(465));
            assertThat(result.mastered()).isTrue();
        }

        @Test
        void mentionsExpiry_whenLevelWasNotMasteredAnyway() {
            MasteryResult result = fold(policy(MasteryMethod.highest(), year, null), 400, scored("e-1", 0.5, 0));

            assertThat(result.rule()).isEqualTo(DecidingRule.COMPUTED);
            assertThat(result.explanation().summary()).endsWith("Validity also expired at 2027-01-01T00:00:00Z"
                    + " (last evidence on 2026-01-01 plus the validity period PT8760H).");
        }

        @Test
        void decaysScoreByHalfLife_whenReadLater() {
            MasteryPolicy policy = policy(MasteryMethod.highest(), null, month);
            Evidence evidence = scored("e-1", 0.8, 0);

            // age 0: factor 1
            assertThat(fold(policy, 0, evidence).score()).isEqualTo(0.8);
            // age 30 days = one half-life: 0.8 * 0.5 = 0.4 -> DEVELOPING
            MasteryResult oneHalfLife = fold(policy, 30, evidence);
            assertThat(oneHalfLife.score()).isCloseTo(0.4, within(1e-12));
            assertThat(oneHalfLife.levelCode()).isEqualTo("DEVELOPING");
            assertThat(oneHalfLife.mastered()).isFalse();
            assertThat(oneHalfLife.explanation().computedScore()).isEqualTo(0.8);
            assertThat(oneHalfLife.explanation().decayFactor()).isCloseTo(0.5, within(1e-12));
            assertThat(oneHalfLife.explanation().summary()).contains(
                    "Decayed by a factor of 0.500 since the last evidence on 2026-01-01 (half-life PT720H).");
            // age 15 days: 0.8 * 0.5^0.5 = 0.565685
            assertThat(fold(policy, 15, evidence).score()).isCloseTo(0.8 * Math.sqrt(0.5), within(1e-12));
        }

        @Test
        void showsDecayFactorBelowOne_whenDecayTookOffLessThanRoundingHides() {
            MasteryPolicy policy = policy(MasteryMethod.highest(), null, month);
            Evidence evidence = scored("e-1", 0.8, 0);

            // 0.5^(0.01 / 30) = 0.99977: "1.000" with three decimals
            assertThat(fold(policy, 0.01, evidence).explanation().summary())
                    .contains("Decayed by a factor of 0.9998 since the last evidence on 2026-01-01");
            // one second: 0.5^(1 s / 30 days) = 0.9999997, not even six decimals show it
            assertThat(fold(policy, 0.00001, evidence).explanation().summary())
                    .contains("Decayed by a factor of more than 0.999999 since");
            // 0.5^20 = 0.00000095 and 0.5^30 = 0.0000000009: "0.000" with three decimals
            assertThat(fold(policy, 600, evidence).explanation().summary())
                    .contains("Decayed by a factor of 0.000001 since");
            assertThat(fold(policy, 900, evidence).explanation().summary())
                    .contains("Decayed by a factor of less than 0.000001 since");
        }

        @Test
        void ignoresEvidence_whenItOccurredAfterAsOf() {
            MasteryResult result = fold(policy(MasteryMethod.latest()), 5, scored("e-1", 0.8, 1),
                    scored("e-2", 0.2, 6));

            assertThat(result.score()).isEqualTo(0.8);
            assertThat(result.lastEvidenceAt()).isEqualTo(day(1));
            assertThat(result.explanation().exclusions())
                    .extracting(Explanation.Exclusion::evidenceId, Explanation.Exclusion::reason)
                    .containsExactly(tuple("e-2", ExclusionReason.AFTER_AS_OF));
        }

        @Test
        void ignoresEvidence_whenItWasRecordedAfterKnownAt() {
            List<Evidence> evidence = List.of(scored("e-1", 0.5, 1), recordedLate("late", 0.9, 2, 10));
            MasteryPolicy policy = policy(MasteryMethod.highest());

            // what was true on day 5, as we knew it on day 5: the late item was not known yet
            MasteryResult knownThen = MasteryFold.fold(COMPETENCY, policy, evidence, Set.of(), day(5), day(5));
            assertThat(knownThen.score()).isEqualTo(0.5);
            assertThat(knownThen.explanation().exclusions()).extracting(Explanation.Exclusion::reason)
                    .containsExactly(ExclusionReason.NOT_YET_KNOWN);

            // what was true on day 5, as we know it on day 10: corrected
            MasteryResult knownNow = MasteryFold.fold(COMPETENCY, policy, evidence, Set.of(), day(5), day(10));
            assertThat(knownNow.score()).isEqualTo(0.9);
        }

        @Test
        void reportsFirstAndLastEvidence_whenSeveralItemsCount() {
            MasteryResult result = fold(policy(MasteryMethod.average()), 100, scored("e-2", 0.5, 7),
                    scored("e-1", 0.5, 3));

            assertThat(result.firstEvidenceAt()).isEqualTo(day(3));
            assertThat(result.lastEvidenceAt()).isEqualTo(day(7));
            assertThat(result.expiresAt()).isNull();
        }
    }

    @Nested
    class Identity {

        @Test
        void countsEvidenceOnce_whenSameIdArrivesTwice() {
            Evidence evidence = scored("e-1", 0.5, 1);

            MasteryResult result = fold(policy(MasteryMethod.average()), 100, evidence, evidence,
                    scored("e-2", 1.0, 2));

            assertThat(result.evidenceCount()).isEqualTo(2);
            assertThat(result.score()).isEqualTo(0.75);
        }

        @Test
        void keepsFirstRecordedCopy_whenCopiesOfAnIdDiffer() {
            Evidence first = recordedLate("e-1", 0.5, 1, 2);
            Evidence regraded = recordedLate("e-1", 0.9, 1, 3);

            assertThat(fold(policy(MasteryMethod.highest()), 100, regraded, first).score()).isEqualTo(0.5);

            MasteryFold fold = new MasteryFold(COMPETENCY, policy(MasteryMethod.highest()));
            assertThat(fold.add(regraded)).isTrue();
            assertThat(fold.add(first)).isTrue();
            assertThat(fold.add(regraded)).isFalse();
            assertThat(fold.result(day(100)).score()).isEqualTo(0.5);
        }
    }
}
