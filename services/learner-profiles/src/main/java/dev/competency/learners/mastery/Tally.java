package dev.competency.learners.mastery;

import java.time.Instant;

/**
 * The running state of the fold: constant size, updated in O(1) per counted item without allocating. Items must be
 * offered in fold order; excluded items are filtered by the caller with {@link #exclusionOf}.
 */
final class Tally {

    private final MasteryMethod.Kind kind;
    private final int n;
    private final double rate;
    private final MasteryMethod.Bkt bkt;
    private final double masteryThreshold;
    private final double[] weights;
    private final boolean ratingsOverride;
    private final ProficiencyScale scale;

    int counted;
    int scored;
    Instant first;
    Instant last;
    /** The latest manual rating acting on the level, when ratings override. */
    Evidence rating;
    /** The first scored item after {@link #rating}, which ends an UNTIL_NEWER_EVIDENCE override. */
    Evidence supersededBy;
    /** HIGHEST: the item with the highest score; LATEST and WEIGHTED_AVERAGE: the last scored item. */
    Evidence decisive;

    private double value;
    private double sum;
    private double weightSum;
    private double latestWeight;
    private int qualifying;
    private double min;
    private double max;

    Tally(MasteryPolicy policy) {
        MasteryMethod method = policy.method();
        this.kind = method.kind();
        this.scale = policy.scale();
        this.masteryThreshold = scale.masteryThreshold();
        this.ratingsOverride = policy.manualRatingPrecedence() != ManualRatingPrecedence.NEVER;
        this.weights = new double[SourceType.values().length];
        for (SourceType type : SourceType.values()) {
            weights[type.ordinal()] = policy.weightOf(type);
        }
        this.n = method instanceof MasteryMethod.NMastery m ? m.n() : 0;
        this.rate = method instanceof MasteryMethod.WeightedAverage w ? w.w()
                : method instanceof MasteryMethod.DecayingAverage d ? d.d() : 0;
        this.bkt = method instanceof MasteryMethod.Bkt b ? b : null;
    }

    double weightOf(Evidence e) {
        return weights[e.sourceType().ordinal()];
    }

    /** Whether this item acts on the level as a manual rating instead of entering the score. */
    boolean isRating(Evidence e) {
        return ratingsOverride && e.ratedLevel() != null;
    }

    /** Why {@code e} does not count at these instants, or {@code null} when it counts. */
    ExclusionReason exclusionOf(Evidence e, boolean voided, Instant asOf, Instant knownAt) {
        if (voided || e.voided()) {
            return ExclusionReason.VOIDED;
        }
        if (e.recordedAt().isAfter(knownAt)) {
            return ExclusionReason.NOT_YET_KNOWN;
        }
        if (e.occurredAt().isAfter(asOf)) {
            return ExclusionReason.AFTER_AS_OF;
        }
        if (weightOf(e) == 0.0) {
            return ExclusionReason.ZERO_WEIGHT;
        }
        if (isRating(e) && scale.indexOf(e.ratedLevel()) < 0) {
            return ExclusionReason.UNKNOWN_RATED_LEVEL;
        }
        return null;
    }

    /** Folds in one counted item, which must not precede the previous one in fold order. */
    void accept(Evidence e) {
        counted++;
        if (first == null) {
            first = e.occurredAt();
        }
        last = e.occurredAt();
        if (isRating(e)) {
            rating = e;
            supersededBy = null;
            return;
        }
        if (rating != null && supersededBy == null) {
            supersededBy = e;
        }
        scored++;
        double s = e.score();
        double w = weightOf(e);
        if (scored == 1) {
            min = s;
            max = s;
        } else {
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        switch (kind) {
            case HIGHEST -> {
                if (scored == 1 || s > value) {
                    value = s;
                    decisive = e;
                }
            }
            case LATEST -> {
                value = s;
                decisive = e;
            }
            case AVERAGE -> {
                sum += w * s;
                weightSum += w;
            }
            case N_MASTERY -> {
                if (ProficiencyScale.reaches(s, masteryThreshold)) {
                    qualifying++;
                    sum += w * s;
                    weightSum += w;
                }
            }
            case WEIGHTED_AVERAGE -> {
                if (scored > 1) {
                    sum += latestWeight * value;
                    weightSum += latestWeight;
                }
                value = s;
                latestWeight = w;
                decisive = e;
            }
            case DECAYING_AVERAGE -> {
                if (scored == 1) {
                    value = s;
                } else {
                    double r = Math.min(1.0, rate * w);
                    value = (1.0 - r) * value + r * s;
                }
            }
            case BKT -> {
                double prior = scored == 1 ? bkt.pL0() : value;
                value = bktStep(prior, ProficiencyScale.reaches(s, masteryThreshold), Math.min(1.0, w));
            }
            default -> throw new IllegalStateException("unknown method " + kind);
        }
    }

    private double bktStep(double prior, boolean correct, double credibility) {
        double numerator;
        double denominator;
        if (correct) {
            numerator = prior * (1.0 - bkt.pS());
            denominator = numerator + (1.0 - prior) * bkt.pG();
        } else {
            numerator = prior * bkt.pS();
            denominator = numerator + (1.0 - prior) * (1.0 - bkt.pG());
        }
        double posterior = denominator > 0.0 ? numerator / denominator : prior;
        posterior = prior + credibility * (posterior - prior);
        double next = posterior * (1.0 - bkt.pF()) + (1.0 - posterior) * bkt.pT();
        return clamp(next, 0.0, 1.0);
    }

    /** The method's score over the scored items, or NaN when there is none (yet). */
    double score() {
        if (scored == 0) {
            return Double.NaN;
        }
        return switch (kind) {
            case HIGHEST, LATEST, BKT -> value;
            case AVERAGE -> clamp(sum / weightSum, min, max);
            case N_MASTERY -> qualifying >= n ? clamp(sum / weightSum, Math.max(min, masteryThreshold), max)
                    : Double.NaN;
            case WEIGHTED_AVERAGE -> scored == 1 ? value
                    : clamp(rate * value + (1.0 - rate) * (sum / weightSum), min, max);
            case DECAYING_AVERAGE -> clamp(value, min, max);
        };
    }

    int qualifying() {
        return qualifying;
    }

    int n() {
        return n;
    }

    /**
     * The share of each scored item in {@link #score()}, in the order given; {@code scoredItems} must be exactly
     * the scored items this tally accepted.
     */
    double[] shares(Evidence[] scoredItems) {
        int size = scoredItems.length;
        double[] shares = new double[size];
        if (size == 0) {
            return shares;
        }
        switch (kind) {
            case HIGHEST, LATEST -> {
                for (int i = 0; i < size; i++) {
                    shares[i] = scoredItems[i] == decisive ? 1.0 : 0.0;
                }
            }
            case AVERAGE -> {
                for (int i = 0; i < size; i++) {
                    shares[i] = weightOf(scoredItems[i]) / weightSum;
                }
            }
            case N_MASTERY -> {
                if (qualifying >= n) {
                    for (int i = 0; i < size; i++) {
                        Evidence e = scoredItems[i];
                        shares[i] = ProficiencyScale.reaches(e.score(), masteryThreshold) ? weightOf(e) / weightSum
                                : 0.0;
                    }
                }
            }
            case WEIGHTED_AVERAGE -> {
                if (size == 1) {
                    shares[0] = 1.0;
                } else {
                    for (int i = 0; i < size - 1; i++) {
                        shares[i] = (1.0 - rate) * weightOf(scoredItems[i]) / weightSum;
                    }
                    shares[size - 1] = rate;
                }
            }
            case DECAYING_AVERAGE -> {
                double remaining = 1.0;
                for (int i = size - 1; i >= 0; i--) {
                    double r = i == 0 ? 1.0 : Math.min(1.0, rate * weightOf(scoredItems[i]));
                    shares[i] = r * remaining;
                    remaining *= 1.0 - r;
                }
            }
            case BKT -> {
                for (int i = 0; i < size; i++) {
                    shares[i] = Math.min(1.0, weightOf(scoredItems[i]));
                }
            }
            default -> throw new IllegalStateException("unknown method " + kind);
        }
        return shares;
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
