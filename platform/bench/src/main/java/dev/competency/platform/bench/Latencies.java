package dev.competency.platform.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latency samples in nanoseconds, kept exactly (the bench records at most a few hundred thousand). */
final class Latencies {

    private long[] samples = new long[1024];
    private int count;

    synchronized void record(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    synchronized int count() {
        return count;
    }

    /** The value below which {@code percentile} percent of the samples lie (nearest rank), in milliseconds. */
    synchronized double percentileMillis(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }

    synchronized double maxMillis() {
        long max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, samples[i]);
        }
        return max / 1e6;
    }

    String summary() {
        return String.format(Locale.ROOT, "n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms", count(),
                percentileMillis(50), percentileMillis(90), percentileMillis(99), maxMillis());
    }
}
