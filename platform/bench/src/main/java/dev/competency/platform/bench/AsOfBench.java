package dev.competency.platform.bench;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.competency.contracts.evidence.EvidenceRecorded;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mastery as-of queries over HTTP against the running service (JWT check, controller, read of the learner's
 * evidence timeline from the store, fold of every competency, JSON), for one learner with a long history: the
 * evidence goes in through the broker like any other, and the queries start once the timeline holds all of it.
 */
final class AsOfBench {

    private static final Logger log = LoggerFactory.getLogger(AsOfBench.class);

    private final Workload workload;
    private final ServiceClient service;
    private final MongoDatabase database;
    private final Report report;

    AsOfBench(Workload workload, ServiceClient service, MongoDatabase database, Report report) {
        this.workload = workload;
        this.service = service;
        this.database = database;
        this.report = report;
    }

    void run(int evidence, int queries, int warmup, Duration timeout) {
        String learnerId = workload.learnerId("asof", 0);
        KafkaProducer<String, byte[]> producer = workload.producer();
        int competencies = workload.competencyIds().size();
        long start = System.nanoTime();
        for (int i = 0; i < evidence; i++) {
            EvidenceRecorded item = workload.evidence(learnerId, workload.competencyIds().get(i % competencies), i);
            producer.send(Workload.record(item));
        }
        producer.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        long stored = 0;
        while (stored < evidence) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + stored + " of " + evidence + " evidence reached the timeline of "
                        + learnerId + " within " + timeout);
            }
            Pause.of(Duration.ofSeconds(2));
            stored = database.getCollection("evidence_timeline").countDocuments(Filters.eq("learnerId", learnerId));
            log.info("As-of learner: {} of {} evidence in the timeline", stored, evidence);
        }
        report.note("as-of learner %s: %d evidence over %d competencies in the timeline after %.1f s (one learner,"
                + " one partition, one aggregate)", learnerId, evidence, competencies, (System.nanoTime() - start) / 1e9);

        Instant asOf = Workload.occurredAt(evidence / 2);
        List<Query> kinds = List.of(
                new Query("mastery as-of (all " + competencies + " competencies, " + evidence + " evidence)",
                        "/api/learners/" + learnerId + "/mastery?asOf=" + asOf),
                new Query("mastery as-of one competency (" + evidence / competencies + " of its evidence)",
                        "/api/learners/" + learnerId + "/mastery/" + workload.competencyIds().get(0) + "?asOf=" + asOf),
                new Query("mastery as-of + known-at (all competencies)",
                        "/api/learners/" + learnerId + "/mastery?asOf=" + asOf + "&knownAt=" + Instant.now()),
                new Query("mastery now (all competencies, all " + evidence + " evidence in the explanations)",
                        "/api/learners/" + learnerId + "/mastery"));
        long warming = System.nanoTime();
        for (int i = 0; i < warmup; i++) {
            service.fetch(kinds.get(i % kinds.size()).path());
        }
        report.note("as-of warm-up: %d queries, the kinds in turn, in %.1f s", warmup,
                (System.nanoTime() - warming) / 1e9);
        for (Query kind : kinds) {
            Latencies latencies = new Latencies();
            long bytes = 0;
            for (int i = 0; i < queries; i++) {
                long started = System.nanoTime();
                bytes = service.fetch(kind.path());
                latencies.record(System.nanoTime() - started);
            }
            report.add("%s over HTTP, sequential, after the warm-up, answers of %,d bytes read to the last byte: %s",
                    kind.what(), bytes, latencies.summary());
        }
    }

    private record Query(String what, String path) {
    }
}
