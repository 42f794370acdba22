package dev.competency.analytics.state;

/**
 * Scores summed exactly: each score counts as a whole number of billionths ({@link #units}), so a sum is the same
 * whatever the order its scores were added and removed in, and a mean computed from it is the same after a rebuild
 * that meets the events in another order. A sum of doubles is not: {@code (a + b) + c} and {@code a + (c + b)} can
 * differ in the last digits, and so could a team's mean score from one rebuild to the next.
 *
 * <p>A billionth is far below any difference a score can mean (scores are normalised to 0..1), and a {@code long} of
 * billionths holds the sum of over nine billion full scores.
 */
public final class ScoreSum {

    /** Units per score of 1. */
    public static final long UNITS_PER_SCORE = 1_000_000_000L;

    private ScoreSum() {
    }

    /** The score in whole units, rounded to the nearest. */
    public static long units(double score) {
        return Math.round(score * UNITS_PER_SCORE);
    }

    /** The mean of {@code count} scores summing to {@code sum} units; {@code count} must be positive. */
    public static double mean(long sum, int count) {
        return (double) sum / count / UNITS_PER_SCORE;
    }
}
