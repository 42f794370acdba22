package dev.competency.platform.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The CPU time a phase cost: the service's JVM, the bench's own JVM (the in-process broker and store, and the load it
 * drives), and how busy the host's cores were. Taken at the start of a phase, read at its end.
 *
 * <p>When the cores are busy throughout a phase, its rate is the CPU the host gave it divided by the CPU each event
 * costs. On a shared host the first part moves from run to run; the second moves much less, so the service's CPU per
 * event is the steadier number for comparing two builds.
 */
final class CpuUse {

    private static final Path PROC_STAT = Path.of("/proc/stat");

    private final OptionalLong servicePid;
    private final Optional<Duration> serviceAtStart;
    private final long benchAtStart;
    private final Optional<long[]> coresAtStart;

    private CpuUse(OptionalLong servicePid) {
        this.servicePid = servicePid;
        this.serviceAtStart = serviceCpu();
        this.benchAtStart = benchCpuNanos();
        this.coresAtStart = coreTicks();
    }

    /** Starts counting; {@code servicePid} is empty when the service runs outside the bench. */
    static CpuUse start(OptionalLong servicePid) {
        return new CpuUse(servicePid);
    }

    /**
     * Since the start, per 1,000 of {@code count} {@code things}: "service 45.1 ms, bench JVM 38.0 ms of CPU per 1,000
     * events; cores 92 % busy". A part that cannot be read here is left out.
     */
    String per1000(long count, String things) {
        StringBuilder text = new StringBuilder();
        Optional<Duration> service = serviceCpu();
        if (serviceAtStart.isPresent() && service.isPresent()) {
            text.append(String.format(Locale.ROOT, "service %.1f ms, ",
                    millisPer1000(service.get().minus(serviceAtStart.get()).toNanos(), count)));
        }
        text.append(String.format(Locale.ROOT, "bench JVM %.1f ms of CPU per 1,000 %s",
                millisPer1000(benchCpuNanos() - benchAtStart, count), things));
        Optional<long[]> cores = coreTicks();
        if (coresAtStart.isPresent() && cores.isPresent()) {
            long busy = cores.get()[0] - coresAtStart.get()[0];
            long all = cores.get()[1] - coresAtStart.get()[1];
            if (all > 0) {
                text.append(String.format(Locale.ROOT, "; cores %.0f %% busy", 100.0 * busy / all));
            }
        }
        return text.toString();
    }

    private static double millisPer1000(long nanos, long count) {
        return count == 0 ? 0 : nanos / 1e6 / count * 1000;
    }

    private Optional<Duration> serviceCpu() {
        if (servicePid.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.of(servicePid.getAsLong()).flatMap(process -> process.info().totalCpuDuration());
    }

    private static long benchCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * The host's busy and total clock ticks since boot, from the first line of {@code /proc/stat} (user, nice, system,
     * idle, iowait, irq, softirq, steal; idle and iowait count as not busy), or empty where there is none.
     */
    private static Optional<long[]> coreTicks() {
        try {
            if (!Files.isReadable(PROC_STAT)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(PROC_STAT).get(0);
            long[] ticks = Arrays.stream(first.trim().split("\\s+")).skip(1).limit(8).mapToLong(Long::parseLong)
                    .toArray();
            long all = Arrays.stream(ticks).sum();
            return Optional.of(new long[] {all - ticks[3] - ticks[4], all});
        } catch (IOException | NumberFormatException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
