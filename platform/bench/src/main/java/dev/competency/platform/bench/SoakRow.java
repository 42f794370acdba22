package dev.competency.platform.bench;

import java.util.Locale;

/**
 * One minute of the soak phase. Gauges the service did not answer are {@code NaN}.
 *
 * @param minute 1 for the first minute
 * @param sent evidence sent in the minute
 * @param backlog the most evidence that was due but not sent yet at any instant of the minute (0 while the sender
 *                keeps its schedule)
 * @param lagEnd the intake's consumer lag at the end of the minute, in records
 * @param lagMax the largest of the lags sampled during the minute (every 5 s and at its end)
 * @param changes {@code mastery.changed} matched to their evidence during the minute
 * @param p50Millis median latency, evidence sent to change seen, of the changes seen during the minute
 * @param p99Millis 99th percentile of the same
 * @param maxMillis the longest of the same
 * @param heapAfterGcMb the service's old generation in use just after its last collection, young or not, in MB
 *                      ({@code jvm.memory.usage.after.gc} times the pool's {@code jvm.memory.max})
 * @param liveDataMb the same after its last collection that reclaimed old objects ({@code jvm.gc.live.data.size}:
 *                   0 until the first), in MB
 * @param gcPauseMillis the service's collection pauses during the minute, summed
 * @param benchOldGenMb the bench JVM's old generation just after its last collection (it holds the embedded store),
 *                      in MB; NaN when the collector names no old generation
 * @param load the host's load averages (1, 5, 15 min) at the end of the minute
 */
record SoakRow(int minute, long sent, long backlog, long lagEnd, long lagMax, long changes, double p50Millis,
               double p99Millis, double maxMillis, double heapAfterGcMb, double liveDataMb, double gcPauseMillis,
               double benchOldGenMb, String load) {

    static final String HEADER = """
            | min | sent | backlog | lag end / max | changes | p50 ms | p99 ms | max ms | old gen after GC MB | \
            live data MB | GC pause ms | bench old gen after GC MB | load 1 5 15 |
            |---|---|---|---|---|---|---|---|---|---|---|---|---|""";

    /** The row as a line of a Markdown table under {@link #HEADER}. */
    String markdown() {
        return String.format(Locale.ROOT,
                "| %d | %,d | %,d | %,d / %,d | %,d | %.1f | %.1f | %.1f | %s | %s | %s | %s | %s |",
                minute, sent, backlog, lagEnd, lagMax, changes, p50Millis, p99Millis, maxMillis,
                orNa(heapAfterGcMb), orNa(liveDataMb), orNa(gcPauseMillis), orNa(benchOldGenMb), load);
    }

    private static String orNa(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.0f", value);
    }
}
