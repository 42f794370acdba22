package dev.competency.platform.bench;

import dev.competency.contracts.evidence.EvidenceRecorded;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evidence through the real broker into the running service, measured at the other end by the
 * {@code mastery.changed} each evidence triggers (the first evidence of a learner on a competency always changes
 * its mastery).
 *
 * <ul>
 *   <li>Latency: open loop at a fixed rate; each evidence is sent at its scheduled instant whatever the service
 *       does, so a slow service shows as growing latency instead of a slower sender.</li>
 *   <li>Throughput: everything else sent as fast as the producer goes; the rate is evidence per second from the
 *       first send until the last change arrived (and, for steady state, between 10% and 90% of the changes).</li>
 * </ul>
 */
final class IntakeBench {

    private static final Logger log = LoggerFactory.getLogger(IntakeBench.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final BenchOptions options;
    private final Workload workload;
    private final MasteryWatcher watcher;
    private final IntakeLag lag;
    private final OptionalLong servicePid;
    private final Report report;
    private int nextLearner;

    IntakeBench(BenchOptions options, Workload workload, MasteryWatcher watcher, IntakeLag lag,
                OptionalLong servicePid, Report report) {
        this.options = options;
        this.workload = workload;
        this.watcher = watcher;
        this.lag = lag;
        this.servicePid = servicePid;
        this.report = report;
    }

    /** The learners the latency phase needs at the configured rate; the throughput phase takes the rest. */
    int latencyLearners() {
        long evidence = (long) options.rate() * (options.latencyDuration().plus(options.warmup()).toSeconds());
        return (int) Math.min(options.learners() / 2, (evidence + options.competencies() - 1) / options.competencies());
    }

    void latency() {
        int learners = latencyLearners();
        int competencies = options.competencies();
        int total = learners * competencies;
        long interval = 1_000_000_000L / options.rate();
        int warmupCount = (int) Math.min(total, (long) options.rate() * options.warmup().toSeconds());
        Latencies warmup = new Latencies();
        Latencies measured = new Latencies();
        int first = nextLearner;
        nextLearner += learners;
        KafkaProducer<String, byte[]> producer = workload.producer();
        log.info("Latency phase: {} evidence ({} learners x {} competencies) at {}/s, first {} unrecorded", total,
                learners, competencies, options.rate(), warmupCount);
        long start = System.nanoTime();
        long lateSends = 0;
        CpuUse cpu = CpuUse.start(servicePid);
        for (int k = 0; k < total; k++) {
            if (k == warmupCount) {
                cpu = CpuUse.start(servicePid);
            }
            long due = start + k * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(wait, 200_000));
            }
            if (System.nanoTime() - due > 5_000_000) {
                lateSends++;
            }
            EvidenceRecorded evidence = workload.evidence(workload.learnerId("intake", first + k % learners),
                    workload.competencyIds().get(k / learners), 0);
            watcher.expect(evidence.evidenceId(), k < warmupCount ? warmup : measured);
            producer.send(Workload.record(evidence));
        }
        producer.flush();
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        awaitChanges(total - warmupCount, measured, "latency");
        report.add("latency at %d evidence/s (open loop, %.1f s of sending, %d sends more than 5 ms late): %s; %s",
                options.rate(), sendSeconds, lateSends, measured.summary(),
                cpu.per1000(total - warmupCount, "evidence"));
        if (measured.count() < total - warmupCount) {
            report.note("  %d of %d changes did not arrive within %s", total - warmupCount - measured.count(),
                    total - warmupCount, options.timeout());
        }
    }

    /**
     * Sends evidence for learners of their own, as fast as the producer goes, and waits for their changes: the
     * service's code is compiled and its caches and heap sized before the measured phase, as in a service that has
     * been running. Reported, not counted in the measured phase.
     */
    void throughputWarmup() {
        int learners = options.throughputWarmupLearners();
        if (learners == 0) {
            return;
        }
        int total = learners * options.competencies();
        Latencies latencies = new Latencies();
        log.info("Throughput warm-up: {} evidence ({} learners x {} competencies), not counted", total, learners,
                options.competencies());
        long start = System.nanoTime();
        sendAsFastAsPossible("warmup", 0, learners, latencies);
        awaitChanges(total, latencies, "throughput warm-up");
        double seconds = (System.nanoTime() - start) / 1e9;
        report.add("throughput warm-up (not counted): %d of %d evidence -> mastery.changed in %.1f s = %.0f evidence/s",
                latencies.count(), total, seconds, latencies.count() / seconds);
    }

    void throughput() {
        int learners = options.learners() - nextLearner;
        int total = learners * options.competencies();
        int first = nextLearner;
        nextLearner += learners;
        Latencies latencies = new Latencies();
        log.info("Throughput phase: {} evidence ({} learners x {} competencies) as fast as the producer goes", total,
                learners, options.competencies());
        long matchedBefore = watcher.matched();
        long start = System.nanoTime();
        double sendSeconds = sendAsFastAsPossible("intake", first, learners, latencies);
        log.info("Sent {} evidence in {} s ({} evidence/s into the broker)", total, round(sendSeconds),
                round(total / sendSeconds));

        long tenPercent = 0;
        long ninetyPercent = 0;
        long lagDrained = 0;
        long deadline = System.nanoTime() + options.timeout().toNanos();
        long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
        long lastMatched = 0;
        long lastProgress = System.nanoTime();
        while (latencies.count() < total && System.nanoTime() < deadline) {
            long done = watcher.matched() - matchedBefore;
            long now = System.nanoTime();
            if (tenPercent == 0 && done >= total / 10) {
                tenPercent = now;
            }
            if (ninetyPercent == 0 && done >= total * 9L / 10) {
                ninetyPercent = now;
            }
            if (now >= nextProgress) {
                long currentLag = lag.lag();
                if (lagDrained == 0 && currentLag == 0) {
                    lagDrained = now;
                }
                log.info("{} of {} mastery.changed seen, {} /s over the last {} s, intake lag {}", done, total,
                        round((done - lastMatched) / ((now - lastProgress) / 1e9)), PROGRESS_EVERY.toSeconds(),
                        currentLag);
                lastMatched = done;
                lastProgress = now;
                nextProgress = now + PROGRESS_EVERY.toNanos();
            }
            Pause.of(Duration.ofMillis(20));
        }
        long end = latencies.count() >= total ? watcher.lastMatchNanos() : System.nanoTime();
        double seconds = (end - start) / 1e9;
        report.add("throughput: %d of %d evidence -> mastery.changed in %.1f s = %.0f evidence/s (sent in %.1f s = %.0f/s)",
                latencies.count(), total, seconds, latencies.count() / seconds, sendSeconds, total / sendSeconds);
        if (tenPercent > 0 && ninetyPercent > tenPercent) {
            report.add("throughput steady state (10%%..90%% of the changes): %.0f evidence/s",
                    (total * 0.8) / ((ninetyPercent - tenPercent) / 1e9));
        }
        if (lagDrained > 0) {
            report.note("  intake lag first seen drained %.1f s after the first send", (lagDrained - start) / 1e9);
        }
        report.note("  evidence -> mastery.changed latency under this load: %s", latencies.summary());
    }

    /** One evidence per competency for each learner, competency by competency; returns the seconds it took. */
    private double sendAsFastAsPossible(String purpose, int first, int learners, Latencies latencies) {
        KafkaProducer<String, byte[]> producer = workload.producer();
        int total = learners * options.competencies();
        long start = System.nanoTime();
        for (int k = 0; k < total; k++) {
            EvidenceRecorded evidence = workload.evidence(workload.learnerId(purpose, first + k % learners),
                    workload.competencyIds().get(k / learners), 0);
            watcher.expect(evidence.evidenceId(), latencies);
            producer.send(Workload.record(evidence));
        }
        producer.flush();
        return (System.nanoTime() - start) / 1e9;
    }

    private void awaitChanges(int expected, Latencies latencies, String phase) {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
        while (latencies.count() < expected && System.nanoTime() < deadline) {
            if (System.nanoTime() >= nextProgress) {
                log.info("{}: {} of {} changes seen, intake lag {}", phase, latencies.count(), expected, lag.lag());
                nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
            }
            Pause.of(Duration.ofMillis(50));
        }
    }

    private static String round(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
