package dev.competency.platform.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Whether a soak held steady: the first minutes against the last (up to {@value #WINDOW} each, half the run when it
 * is shorter), each compared by the median of its per-minute values so that one minute with a long pause does not
 * decide. Stable when the service's heap after collection grew by at most {@value #HEAP_GROWTH_LIMIT_PERCENT} %, the
 * intake lag at most doubled (or stayed within one second of evidence), the p99 latency grew by at most
 * {@value #P99_RATIO_LIMIT}×, and the sender kept its rate: every minute at least {@value #RATE_HELD_PERCENT} % of
 * its evidence and never more than a second of evidence behind its schedule.
 *
 * @param minutes rows compared
 * @param window minutes in each of the two windows
 * @param heapAfterGcMb the service's heap after collection, MB
 * @param lag the intake's lag at the end of each minute, records
 * @param p99Millis the p99 latency of each minute
 * @param expectedPerMinute evidence the sender should send each minute
 * @param fewestSent the fewest evidence it sent in a minute
 * @param largestBacklog the most evidence it was ever behind its schedule
 */
record SoakVerdict(int minutes, int window, Comparison heapAfterGcMb, Comparison lag, Comparison p99Millis,
                   long expectedPerMinute, long fewestSent, long largestBacklog) {

    static final int WINDOW = 5;
    static final int HEAP_GROWTH_LIMIT_PERCENT = 20;
    static final double P99_RATIO_LIMIT = 1.5;
    static final int RATE_HELD_PERCENT = 99;

    /** The medians of a measure over the first and over the last window. */
    record Comparison(double first, double last) {

        double ratio() {
            return last / first;
        }

        /** False when a minute of either window lacks the measure. */
        boolean read() {
            return !Double.isNaN(first) && !Double.isNaN(last);
        }
    }

    static SoakVerdict of(List<SoakRow> rows, int rate) {
        if (rows.size() < 2) {
            throw new IllegalArgumentException("A soak verdict compares at least two minutes, not " + rows.size());
        }
        int window = Math.min(WINDOW, rows.size() / 2);
        List<SoakRow> first = rows.subList(0, window);
        List<SoakRow> last = rows.subList(rows.size() - window, rows.size());
        return new SoakVerdict(rows.size(), window,
                compare(first, last, SoakRow::heapAfterGcMb),
                compare(first, last, row -> row.lagEnd()),
                compare(first, last, SoakRow::p99Millis),
                rate * 60L,
                rows.stream().mapToLong(SoakRow::sent).min().orElseThrow(),
                rows.stream().mapToLong(SoakRow::backlog).max().orElseThrow());
    }

    boolean heapStable() {
        return heapAfterGcMb.last() <= heapAfterGcMb.first() * (1 + HEAP_GROWTH_LIMIT_PERCENT / 100.0);
    }

    boolean lagStable() {
        return lag.last() <= Math.max(2 * lag.first(), expectedPerMinute / 60.0);
    }

    boolean p99Stable() {
        return p99Millis.last() <= p99Millis.first() * P99_RATIO_LIMIT;
    }

    boolean rateHeld() {
        return fewestSent * 100 >= expectedPerMinute * RATE_HELD_PERCENT && largestBacklog <= expectedPerMinute / 60;
    }

    boolean stable() {
        return heapStable() && lagStable() && p99Stable() && rateHeld();
    }

    String text() {
        List<String> unstable = new ArrayList<>();
        if (!heapStable()) {
            unstable.add("heap");
        }
        if (!lagStable()) {
            unstable.add("lag");
        }
        if (!p99Stable()) {
            unstable.add("p99");
        }
        if (!rateHeld()) {
            unstable.add("rate");
        }
        return String.join(System.lineSeparator(),
                String.format(Locale.ROOT, "soak verdict over %d minutes, the first %d against the last %d (medians"
                        + " of the minutes): %s", minutes, window, window,
                        unstable.isEmpty() ? "STABLE" : "NOT STABLE (" + String.join(", ", unstable) + ")"),
                heapAfterGcMb.read()
                        ? String.format(Locale.ROOT, "  old gen after GC %.0f -> %.0f MB (%+.1f %%, limit +%d %%): %s",
                                heapAfterGcMb.first(), heapAfterGcMb.last(), (heapAfterGcMb.ratio() - 1) * 100,
                                HEAP_GROWTH_LIMIT_PERCENT, heapStable() ? "stable" : "grew")
                        : "  old gen after GC not read in every minute of the two windows",
                String.format(Locale.ROOT, "  intake lag %.0f -> %.0f records (limit twice the first, or %d): %s",
                        lag.first(), lag.last(), expectedPerMinute / 60, lagStable() ? "stable" : "grew"),
                p99Millis.read()
                        ? String.format(Locale.ROOT, "  p99 %.1f -> %.1f ms (x%.2f, limit x%.1f): %s",
                                p99Millis.first(), p99Millis.last(), p99Millis.ratio(), P99_RATIO_LIMIT,
                                p99Stable() ? "stable" : "grew")
                        : "  p99: a minute of the two windows saw no change at all",
                String.format(Locale.ROOT, "  rate: %s (fewest sent in a minute %,d of %,d; at most %,d evidence"
                                + " behind the schedule)", rateHeld() ? "held" : "the sender fell behind", fewestSent,
                        expectedPerMinute, largestBacklog));
    }

    private static Comparison compare(List<SoakRow> first, List<SoakRow> last, ToDoubleFunction<SoakRow> measure) {
        return new Comparison(median(first, measure), median(last, measure));
    }

    /** The median of the measure over the rows; NaN when any row lacks it (a gauge the service did not answer). */
    static double median(List<SoakRow> rows, ToDoubleFunction<SoakRow> measure) {
        double[] values = rows.stream().mapToDouble(measure).sorted().toArray();
        if (Arrays.stream(values).anyMatch(Double::isNaN)) {
            return Double.NaN;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
