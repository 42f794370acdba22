package dev.competency.platform.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The CPU a phase cost, from its start to when {@link #per1000} is asked: the service's JVM, the bench's own (the
 * in-process broker and store, and the load), and how busy the host's cores were. When the cores are busy throughout,
 * the rate is the CPU the host gave divided by the CPU per event; on a shared host the first moves from run to run and
 * the second much less, so the service's CPU per event is the steadier number for comparing two builds.
 */
final class CpuUse {

    private final OptionalLong servicePid;
    private final long serviceAtStart;
    private final long benchAtStart;
    private final long[] coresAtStart;

    private CpuUse(OptionalLong servicePid) {
        this.servicePid = servicePid;
        this.serviceAtStart = serviceNanos();
        this.benchAtStart = benchNanos();
        this.coresAtStart = coreTicks();
    }

    /** Starts counting; {@code servicePid} is empty when the service runs outside the bench. */
    static CpuUse start(OptionalLong servicePid) {
        return new CpuUse(servicePid);
    }

    /** "service 45.1 ms, bench JVM 38.0 ms of CPU per 1,000 events; cores 92 % busy", leaving out what is unknown. */
    String per1000(long count, String things) {
        long service = serviceNanos();
        long[] cores = coreTicks();
        String text = serviceAtStart < 0 || service < 0 ? ""
                : String.format(Locale.ROOT, "service %.1f ms, ", millisPer1000(service - serviceAtStart, count));
        text += String.format(Locale.ROOT, "bench JVM %.1f ms of CPU per 1,000 %s",
                millisPer1000(benchNanos() - benchAtStart, count), things);
        if (coresAtStart.length == 2 && cores.length == 2 && cores[1] > coresAtStart[1]) {
            text += String.format(Locale.ROOT, "; cores %.0f %% busy",
                    100.0 * (cores[0] - coresAtStart[0]) / (cores[1] - coresAtStart[1]));
        }
        return text;
    }

    /** Nanoseconds over {@code count} things as milliseconds per 1,000 of them; 0 when there were none. */
    private static double millisPer1000(long nanos, long count) {
        return count == 0 ? 0 : nanos / 1e3 / count;
    }

    /** The service JVM's CPU time so far, or -1 where it cannot be read. */
    private long serviceNanos() {
        return servicePid.stream().boxed().flatMap(pid -> ProcessHandle.of(pid).stream())
                .flatMap(process -> process.info().totalCpuDuration().stream()).mapToLong(Duration::toNanos)
                .findFirst().orElse(-1);
    }

    private static long benchNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * The host's busy and total clock ticks since boot from {@code /proc/stat} (idle and iowait count as not busy), or
     * an empty array where there is none.
     */
    private static long[] coreTicks() {
        try {
            long[] ticks = Arrays.stream(Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+"))
                    .skip(1).limit(8).mapToLong(Long::parseLong).toArray();
            long all = Arrays.stream(ticks).sum();
            return new long[] {all - ticks[3] - ticks[4], all};
        } catch (IOException | NumberFormatException | IndexOutOfBoundsException noProcStat) {
            return new long[0];
        }
    }
}
