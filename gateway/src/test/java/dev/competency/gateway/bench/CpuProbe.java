package dev.competency.gateway.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How steady the CPU is on its own: one thread repeats the same small piece of arithmetic (about a third of a
 * millisecond) and times each repetition. On a quiet machine every repetition takes about as long as the median. A
 * repetition that takes five times longer means the thread ran slowly or not at all while nothing else in this
 * machine was busy: the host took the CPU. A request in flight at such a moment is stretched by the same factor,
 * so the share of time spent in such stretches bounds the tail latencies any service can show on that machine.
 */
public final class CpuProbe {

    private static final int SLOW_FACTOR = 5;

    private CpuProbe() {
    }

    /** On its own, before any benchmark: {@code java -cp gateway/target/test-classes ...CpuProbe [seconds]}. */
    public static void main(String[] args) {
        System.out.println(run(args.length > 0 ? Integer.parseInt(args[0]) : 10));
    }

    static String run(int seconds) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long[] durations = new long[1 << 16];
        int count = 0;
        long state = 1;
        while (System.nanoTime() < end && count < durations.length) {
            long started = System.nanoTime();
            for (int i = 0; i < 200_000; i++) {
                state = state * 6364136223846793005L + 1442695040888963407L;
            }
            durations[count++] = System.nanoTime() - started;
        }
        // The first repetitions run interpreted: leave them out.
        long[] measured = Arrays.copyOfRange(durations, Math.min(count, 200), count);
        if (measured.length == 0 || state == 0) {
            return "CPU probe: too short to say";
        }
        long[] sorted = measured.clone();
        Arrays.sort(sorted);
        long median = sorted[sorted.length / 2];
        long slowNanos = 0;
        long totalNanos = 0;
        long burstNanos = 0;
        long longestBurst = 0;
        int bursts = 0;
        for (long duration : measured) {
            totalNanos += duration;
            if (duration >= SLOW_FACTOR * median) {
                slowNanos += duration;
                if (burstNanos == 0) {
                    bursts++;
                }
                burstNanos += duration;
                longestBurst = Math.max(longestBurst, burstNanos);
            } else {
                burstNanos = 0;
            }
        }
        return String.format(Locale.ROOT, "CPU probe: median repetition %.3f ms; %.2f %% of the time in repetitions "
                        + "at least %dx slower, in %d stretches (longest %.1f ms) over %d s",
                median / 1e6, 100.0 * slowNanos / totalNanos, SLOW_FACTOR, bursts, longestBurst / 1e6, seconds);
    }
}
