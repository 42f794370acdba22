package dev.competency.learners.mastery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Why a {@link MasteryResult} is what it is.
 *
 * @param rule          the rule that decided
 * @param summary       the same in one or two sentences, for people
 * @param contributions every counted item, in fold order
 * @param exclusions    every item that did not count, in fold order, with the reason
 * @param computedScore the method's score before decay, or {@code null} when there is none
 * @param decayFactor   the factor the score was multiplied by at the as-of instant; 1 without decay
 */
public record Explanation(
        DecidingRule rule,
        String summary,
        List<Contribution> contributions,
        List<Exclusion> exclusions,
        Double computedScore,
        double decayFactor) {

    public Explanation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(summary, "summary");
        contributions = List.copyOf(contributions);
        exclusions = List.copyOf(exclusions);
    }

    /**
     * A counted item.
     *
     * @param sourceWeight    the policy's credibility weight for the item's source
     * @param effectiveWeight the item's share of the computed score: for the averaging methods the coefficient of
     *                        its score in the final weighted sum (the coefficients add up to 1); for HIGHEST and
     *                        LATEST 1 for the item that gave the score and 0 for the others; for N_MASTERY 0 for
     *                        scores below the threshold; for BKT the fraction of the Bayesian update applied,
     *                        {@code min(1, sourceWeight)}; 0 for a manual rating that acts on the level rather
     *                        than the score
     */
    public record Contribution(
            String evidenceId,
            SourceType sourceType,
            Instant occurredAt,
            double rawScore,
            double sourceWeight,
            double effectiveWeight) {
    }

    /** An item that did not count, and why. */
    public record Exclusion(
            String evidenceId,
            SourceType sourceType,
            Instant occurredAt,
            double rawScore,
            ExclusionReason reason) {
    }
}
