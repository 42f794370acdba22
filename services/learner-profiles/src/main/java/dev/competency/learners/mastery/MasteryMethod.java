package dev.competency.learners.mastery;

/**
 * How a sequence of scores, in fold order, becomes one score. Source weights (see {@link MasteryPolicy}) enter
 * each method as described on its record; the string form names the method and its parameters, such as
 * {@code WEIGHTED_AVERAGE(w=0.65)}.
 */
public sealed interface MasteryMethod permits MasteryMethod.Highest, MasteryMethod.Latest, MasteryMethod.Average,
        MasteryMethod.NMastery, MasteryMethod.WeightedAverage, MasteryMethod.DecayingAverage, MasteryMethod.Bkt {

    enum Kind { HIGHEST, LATEST, AVERAGE, N_MASTERY, WEIGHTED_AVERAGE, DECAYING_AVERAGE, BKT }

    Kind kind();

    static MasteryMethod highest() {
        return new Highest();
    }

    static MasteryMethod latest() {
        return new Latest();
    }

    static MasteryMethod average() {
        return new Average();
    }

    static MasteryMethod nMastery(int n) {
        return new NMastery(n);
    }

    static MasteryMethod weightedAverage(double w) {
        return new WeightedAverage(w);
    }

    static MasteryMethod decayingAverage(double d) {
        return new DecayingAverage(d);
    }

    static MasteryMethod bkt(double pL0, double pT, double pG, double pS, double pF) {
        return new Bkt(pL0, pT, pG, pS, pF);
    }

    /** The highest score. Weights only exclude (weight 0); on a tie the earlier item is the one reported. */
    record Highest() implements MasteryMethod {
        @Override
        public Kind kind() {
            return Kind.HIGHEST;
        }

        @Override
        public String toString() {
            return "HIGHEST";
        }
    }

    /** The score of the last item in fold order. Weights only exclude (weight 0). */
    record Latest() implements MasteryMethod {
        @Override
        public Kind kind() {
            return Kind.LATEST;
        }

        @Override
        public String toString() {
            return "LATEST";
        }
    }

    /** The weighted mean: sum(weight * score) / sum(weight). */
    record Average() implements MasteryMethod {
        @Override
        public Kind kind() {
            return Kind.AVERAGE;
        }

        @Override
        public String toString() {
            return "AVERAGE";
        }
    }

    /**
     * The weighted mean of the scores at or above the mastery threshold; no score until {@code n} such scores
     * exist (the count of items does not depend on their weights).
     */
    record NMastery(int n) implements MasteryMethod {
        public NMastery {
            if (n < 1) {
                throw new IllegalArgumentException("n must be at least 1 but was " + n);
            }
        }

        @Override
        public Kind kind() {
            return Kind.N_MASTERY;
        }

        @Override
        public String toString() {
            return "N_MASTERY(n=" + n + ")";
        }
    }

    /**
     * {@code w * latest + (1 - w) * mean(previous)}, where the mean of the previous items is weighted by source
     * and the latest item's own source weight does not change {@code w}. A single item scores itself. {@code w}
     * is in [0,1]: with 0 the latest score counts for nothing and the result is the mean of the earlier ones, the
     * limit of the formula as {@code w} shrinks, so the score never jumps at 0. This is what Canvas Outcomes used
     * to call "decaying average" and now calls "weighted average".
     */
    record WeightedAverage(double w) implements MasteryMethod {
        public WeightedAverage {
            requireProbability(w, "w");
        }

        @Override
        public Kind kind() {
            return Kind.WEIGHTED_AVERAGE;
        }

        @Override
        public String toString() {
            return "WEIGHTED_AVERAGE(w=" + w + ")";
        }
    }

    /**
     * {@code D1 = s1, Dk = (1 - r) * Dk-1 + r * sk} with {@code r = min(1, d * weight of item k)}: a less
     * credible source moves the average less. The first counted item starts the average whatever its weight.
     */
    record DecayingAverage(double d) implements MasteryMethod {
        public DecayingAverage {
            requireRate(d, "d");
        }

        @Override
        public Kind kind() {
            return Kind.DECAYING_AVERAGE;
        }

        @Override
        public String toString() {
            return "DECAYING_AVERAGE(d=" + d + ")";
        }
    }

    /**
     * Bayesian Knowledge Tracing. The knowledge estimate starts at {@code pL0}; each item is an observation that
     * is correct when its score is at or above the mastery threshold. The Bayesian posterior is
     * {@code P(L)(1-pS) / (P(L)(1-pS) + (1-P(L))pG)} when correct and
     * {@code P(L)pS / (P(L)pS + (1-P(L))(1-pG))} when incorrect; then the transition
     * {@code P(L') = post(1-pF) + (1-post)pT}. The score is the estimate after the last observation's transition.
     *
     * <p>Source weight: the posterior is interpolated towards the prior, {@code post' = P(L) + min(1, weight) *
     * (post - P(L))}, before the transition; weight 1 (or more) is the textbook update, a less credible source
     * moves the estimate proportionally less. An observation the model deems impossible (zero denominator, for
     * instance a correct answer with P(L) = 0 and pG = 0) leaves the prior unchanged.
     */
    record Bkt(double pL0, double pT, double pG, double pS, double pF) implements MasteryMethod {
        public Bkt {
            requireProbability(pL0, "pL0");
            requireProbability(pT, "pT");
            requireProbability(pG, "pG");
            requireProbability(pS, "pS");
            requireProbability(pF, "pF");
            if (!(pG + pS < 1.0)) {
                throw new IllegalArgumentException("pG + pS must be below 1 but was " + (pG + pS));
            }
        }

        @Override
        public Kind kind() {
            return Kind.BKT;
        }

        @Override
        public String toString() {
            return "BKT(pL0=" + pL0 + ", pT=" + pT + ", pG=" + pG + ", pS=" + pS
                    + ", pF=" + pF + ")";
        }
    }

    private static void requireRate(double value, String name) {
        if (!(value > 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in (0,1] but was " + value);
        }
    }

    private static void requireProbability(double value, String name) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0,1] but was " + value);
        }
    }
}
