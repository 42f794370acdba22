package dev.competency.platform.bench;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import dev.competency.contracts.evidence.EvidenceRecorded;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evidence at an even {@code --rate} for {@code --soak-minutes}, open loop as in the latency phase, and a row each
 * minute: evidence sent, the intake's lag, the latency of the changes seen in that minute, the service's heap after
 * collection and its collection pauses (from its actuator metrics), the bench JVM's old generation after collection
 * (the embedded store) and the host's load. Ends with a {@link SoakVerdict}.
 *
 * <p>Each evidence is the first of its learner on its competency, so each triggers exactly one
 * {@code mastery.changed}: learners come in blocks of {@code --rate}, each block taking one competency per second
 * for {@code --competencies} seconds, so that every learner receives one evidence a second and new learners keep
 * arriving (90,000 in 30 minutes at 1,000/s with 20 competencies).
 */
final class SoakBench {

    private static final Logger log = LoggerFactory.getLogger(SoakBench.class);
    private static final Duration ROW = Duration.ofMinutes(1);
    private static final Duration LAG_SAMPLE = Duration.ofSeconds(5);
    private static final Duration DRAIN = Duration.ofMinutes(2);

    private final BenchOptions options;
    private final Workload workload;
    private final MasteryWatcher watcher;
    private final IntakeLag lag;
    private final ServiceClient service;
    private final Report report;
    private final AtomicReference<Latencies> minute = new AtomicReference<>(new Latencies());
    private final Latencies all = new Latencies();

    SoakBench(BenchOptions options, Workload workload, MasteryWatcher watcher, IntakeLag lag, ServiceClient service,
              Report report) {
        this.options = options;
        this.workload = workload;
        this.watcher = watcher;
        this.lag = lag;
        this.service = service;
        this.report = report;
    }

    void run() {
        int rate = options.rate();
        int minutes = (int) options.soakDuration().toMinutes();
        long total = (long) rate * options.soakDuration().toSeconds();
        log.info("Soak phase: {} evidence at {}/s for {} minutes, a row each minute", total, rate, minutes);
        report.note("soak at %d evidence/s for %d minutes (load at the start %s):", rate, minutes,
                Report.loadAverage());
        report.note("%s", SoakRow.HEADER);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        Sender sender = new Sender(start, rate, total);
        Thread thread = new Thread(sender, "bench-soak-sender");
        thread.start();
        List<SoakRow> rows = new ArrayList<>();
        double gcPauseBefore = gcPauseMillis();
        long sentBefore = 0;
        try {
            for (int m = 1; m <= minutes; m++) {
                long rowEnd = start + m * ROW.toNanos();
                long lagMax = 0;
                long nextSample = System.nanoTime() + LAG_SAMPLE.toNanos();
                while (System.nanoTime() < rowEnd) {
                    LockSupport.parkNanos(Math.min(nextSample, rowEnd) - System.nanoTime());
                    if (System.nanoTime() >= nextSample && System.nanoTime() < rowEnd) {
                        lagMax = Math.max(lagMax, lag.lag());
                        nextSample += LAG_SAMPLE.toNanos();
                    }
                }
                long sent = sender.sent();
                long backlog = sender.takeLargestBacklog();
                Latencies latencies = minute.getAndSet(new Latencies());
                long lagEnd = lag.lag();
                double gcPause = gcPauseMillis();
                SoakRow row = new SoakRow(m, sent - sentBefore, backlog, lagEnd, Math.max(lagMax, lagEnd),
                        latencies.count(), latencies.percentileMillis(50), latencies.percentileMillis(99),
                        latencies.maxMillis(), heapAfterGcMb(), megabytes(metric("jvm.gc.live.data.size")),
                        gcPause - gcPauseBefore, benchOldGenAfterGcMb(), Report.loadAverage());
                gcPauseBefore = gcPause;
                sentBefore = sent;
                rows.add(row);
                report.note("%s", row.markdown());
                if (sender.failure != null) {
                    throw new IllegalStateException("The soak's sender stopped after " + sent + " evidence",
                            sender.failure);
                }
            }
        } finally {
            sender.stop();
            join(thread);
        }
        workload.producer().flush();
        long drainStart = System.nanoTime();
        long deadline = drainStart + DRAIN.toNanos();
        while (all.count() < sender.sent() && System.nanoTime() < deadline) {
            Pause.of(Duration.ofMillis(100));
        }
        report.add("soak: %,d evidence sent in %d minutes, %,d changes seen (%,d after the last row, within %.1f s),"
                        + " over the whole run %s", sender.sent(), minutes, all.count(),
                minute.get().count(), (System.nanoTime() - drainStart) / 1e9, all.summary());
        if (all.count() < sender.sent()) {
            report.note("  %,d changes did not arrive within %s of the last send", sender.sent() - all.count(), DRAIN);
        }
        if (rows.size() >= 2) {
            report.note("%s", SoakVerdict.of(rows, rate).text());
        } else {
            report.note("  no stability verdict: it compares at least two minutes");
        }
    }

    private void record(long nanos) {
        minute.get().record(nanos);
        all.record(nanos);
    }

    /** Sends the evidence at its scheduled instants on a thread of its own, so that sampling never delays a send. */
    private final class Sender implements Runnable {

        private final long start;
        private final int rate;
        private final long total;
        private final AtomicLong sent = new AtomicLong();
        private final AtomicLong largestBacklog = new AtomicLong();
        private volatile boolean running = true;
        private volatile RuntimeException failure;

        Sender(long start, int rate, long total) {
            this.start = start;
            this.rate = rate;
            this.total = total;
        }

        @Override
        public void run() {
            try {
                send();
            } catch (RuntimeException e) {
                log.error("The soak's sender stopped", e);
                failure = e;
            }
        }

        private void send() {
            KafkaProducer<String, byte[]> producer = workload.producer();
            int competencies = workload.competencyIds().size();
            long block = (long) rate * competencies;
            for (long k = 0; k < total && running; k++) {
                long due = start + k * 1_000_000_000L / rate;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                long backlog = (System.nanoTime() - start) * rate / 1_000_000_000L - k;
                if (backlog > largestBacklog.get()) {
                    largestBacklog.accumulateAndGet(backlog, Math::max);
                }
                long within = k % block;
                int learner = (int) ((k / block) * rate + within % rate);
                EvidenceRecorded evidence = workload.evidence(workload.learnerId("soak", learner),
                        workload.competencyIds().get((int) (within / rate)), 0);
                watcher.expect(evidence.evidenceId(), SoakBench.this::record);
                producer.send(Workload.record(evidence));
                sent.incrementAndGet();
            }
        }

        long sent() {
            return sent.get();
        }

        long takeLargestBacklog() {
            return largestBacklog.getAndSet(0);
        }

        void stop() {
            running = false;
        }
    }

    /** The long-lived pool's share in use after the last collection, times that pool's size. */
    private double heapAfterGcMb() {
        return metric("jvm.memory.usage.after.gc?tag=pool:long-lived") * megabytes(metric(
                "jvm.memory.max?tag=id:G1%20Old%20Gen"));
    }

    /**
     * This JVM's old generation just after its last collection, young or not (the pool's own collection usage moves
     * only at old collections): the embedded store's documents live there.
     */
    private static double benchOldGenAfterGcMb() {
        return ManagementFactory.getPlatformMXBeans(GarbageCollectorMXBean.class).stream()
                .map(GarbageCollectorMXBean::getLastGcInfo).filter(Objects::nonNull)
                .max(Comparator.comparingLong(GcInfo::getEndTime))
                .flatMap(last -> last.getMemoryUsageAfterGc().entrySet().stream()
                        .filter(pool -> pool.getKey().contains("Old Gen") || pool.getKey().contains("Tenured"))
                        .map(pool -> megabytes(pool.getValue().getUsed())).findFirst())
                .orElse(Double.NaN);
    }

    private double gcPauseMillis() {
        return metric("jvm.gc.pause", "TOTAL_TIME") * 1000;
    }

    private double metric(String query) {
        return metric(query, "VALUE");
    }

    /** A statistic of one of the service's actuator metrics; NaN, logged, when the service does not answer it. */
    private double metric(String query, String statistic) {
        try {
            for (var measurement : service.getJson("/actuator/metrics/" + query).path("measurements")) {
                if (statistic.equals(measurement.path("statistic").asString())) {
                    return measurement.path("value").asDouble();
                }
            }
            log.warn("The service's metric {} has no {}", query, statistic);
        } catch (IllegalStateException e) {
            log.warn("The service's metric {} could not be read: {}", query, e.getMessage());
        }
        return Double.NaN;
    }

    private static double megabytes(double bytes) {
        return bytes / 1e6;
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the soak's sender stopped", e);
        }
    }
}
