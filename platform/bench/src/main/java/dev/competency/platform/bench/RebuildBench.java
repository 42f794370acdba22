package dev.competency.platform.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Rebuild of every read model from the event store, timed from the rebuild request until the replay caught up and
 * the evidence timeline holds every stored evidence event.
 *
 * <p>To reach the requested size without sending every event through the intake, the store is topped up by
 * copying the stored events of one intake learner under new learner ids, exactly as the service wrote them (same
 * payloads and serialisation; new event ids). The copies are numbered below the first stored event (the store's global
 * sequence, negative numbers) and get times from 2020, before everything the running processors have seen, so only
 * a rebuild from the start of the store reads them: the publishers do not publish them again and the live read
 * models do not change until the rebuild.
 */
final class RebuildBench {

    private static final Logger log = LoggerFactory.getLogger(RebuildBench.class);
    private static final String EVENTS = "domainevents";
    private static final String EVIDENCE_ACCEPTED = "dev.competency.learners.learner.domain.EvidenceAccepted";
    private static final Instant COPIES_START = Instant.parse("2020-01-01T00:00:00Z");
    private static final int INSERT_BATCH = 1_000;
    /** 100 copied events per second of event time, about the density the intake writes here. */
    private static final long COPY_SPACING_MILLIS = 10;
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Workload workload;
    private final ServiceClient service;
    private final OptionalLong servicePid;
    private final MongoDatabase database;
    private final Report report;

    RebuildBench(Workload workload, ServiceClient service, OptionalLong servicePid, MongoDatabase database,
                 Report report) {
        this.workload = workload;
        this.service = service;
        this.servicePid = servicePid;
        this.database = database;
        this.report = report;
    }

    void run(int targetEvidence, int competencies, Duration timeout) {
        MongoCollection<Document> events = database.getCollection(EVENTS);
        long evidence = events.countDocuments(Filters.eq("payloadType", EVIDENCE_ACCEPTED));
        if (evidence < targetEvidence) {
            evidence += topUp(events, targetEvidence - evidence, competencies);
        }
        long total = events.countDocuments();
        report.note("rebuild: %d events in the store, %d of them evidence (EvidenceAccepted)", total, evidence);

        CpuUse cpu = CpuUse.start(servicePid);
        long start = System.nanoTime();
        service.postJson("/api/learners/admin/rebuild");
        long deadline = start + timeout.toNanos();
        long timeline = 0;
        boolean caughtUp = false;
        long lastLog = 0;
        while (!(caughtUp && timeline >= evidence) && System.nanoTime() < deadline) {
            Pause.of(Duration.ofSeconds(1));
            JsonNode status = service.getJson("/api/learners/admin/rebuild");
            caughtUp = status.path("caughtUp").asBoolean(false);
            timeline = database.getCollection("evidence_timeline").estimatedDocumentCount();
            if (System.nanoTime() - lastLog > Duration.ofSeconds(10).toNanos()) {
                log.info("Rebuild: {} of {} evidence in the timeline after {} s, status {}", timeline, evidence,
                        (System.nanoTime() - start) / 1_000_000_000, status);
                lastLog = System.nanoTime();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (caughtUp && timeline >= evidence) {
            report.add("rebuild of all read models: %d events (%d evidence) replayed in %.1f s = %.0f events/s,"
                    + " %.0f evidence events/s; %s", total, evidence, seconds, total / seconds, evidence / seconds,
                    cpu.per1000(total, "events"));
        } else {
            report.add("rebuild NOT finished within %.0f s: %d of %d evidence in the timeline = %.0f evidence events/s"
                    + " so far (events of all types: about twice that)", seconds, timeline, evidence, timeline / seconds);
        }
    }

    /** Copies the events of one stored intake learner until {@code missing} more evidence events are stored. */
    private long topUp(MongoCollection<Document> events, long missing, int competencies) {
        List<Document> template = template(events, competencies);
        String original = template.get(0).getString("aggregateIdentifier");
        long perCopy = template.stream().filter(d -> EVIDENCE_ACCEPTED.equals(d.getString("payloadType"))).count();
        long copies = (missing + perCopy - 1) / perCopy;
        log.info("Topping up the store: {} copies of learner {} ({} events, {} evidence each)", copies, original,
                template.size(), perCopy);
        long started = System.nanoTime();
        List<Document> batch = new ArrayList<>(INSERT_BATCH);
        Document firstStored = events.find().sort(Sorts.ascending("globalIndex")).limit(1).first();
        long firstNumber = firstStored.getLong("globalIndex") - copies * template.size();
        long position = 0;
        for (long copy = 0; copy < copies; copy++) {
            String learnerId = workload.learnerId("rebuild", (int) copy);
            for (Document event : template) {
                Instant timestamp = COPIES_START.plusMillis(COPY_SPACING_MILLIS * position);
                batch.add(copyOf(event, original, learnerId, timestamp, firstNumber + position));
                position++;
                if (batch.size() == INSERT_BATCH) {
                    events.insertMany(batch, new InsertManyOptions().ordered(false));
                    batch.clear();
                }
            }
            if (copy % 5_000 == 0 && copy > 0) {
                log.info("  {} of {} copies stored", copy, copies);
            }
        }
        if (!batch.isEmpty()) {
            events.insertMany(batch, new InsertManyOptions().ordered(false));
        }
        log.info("Stored {} copied events in {} s", position, (System.nanoTime() - started) / 1_000_000_000);
        return copies * perCopy;
    }

    /** The events of an intake learner with at most one evidence per competency, in sequence order. */
    private static List<Document> template(MongoCollection<Document> events, int competencies) {
        for (Document evidence : events.find(Filters.eq("payloadType", EVIDENCE_ACCEPTED)).limit(200)) {
            String learnerId = evidence.getString("aggregateIdentifier");
            List<Document> stream = events.find(Filters.eq("aggregateIdentifier", learnerId))
                    .sort(Sorts.ascending("sequenceNumber")).into(new ArrayList<>());
            if (stream.size() <= 2L * competencies + 2) {
                return stream;
            }
        }
        throw new IllegalStateException("No stored intake learner to copy: run the latency or throughput phase first");
    }

    private static Document copyOf(Document event, String original, String learnerId, Instant timestamp,
            long number) {
        Document copy = new Document();
        for (var field : event.entrySet()) {
            String name = field.getKey();
            Object value = field.getValue();
            if (name.equals("_id")) {
                continue;
            } else if (name.equals("eventIdentifier")) {
                value = UUID.randomUUID().toString();
            } else if (name.equals("globalIndex")) {
                value = number;
            } else if (name.equals("appendedAt")) {
                value = timestamp.toEpochMilli();
            } else if (name.equals("timestamp")) {
                value = value instanceof Date ? Date.from(timestamp)
                        : value instanceof Long ? (Object) timestamp.toEpochMilli() : MILLIS.format(timestamp);
            } else if (value instanceof String text) {
                value = text.replace(original, learnerId);
            } else if (value instanceof Binary binary) {
                value = new Binary(binary.getType(), new String(binary.getData(), StandardCharsets.UTF_8)
                        .replace(original, learnerId).getBytes(StandardCharsets.UTF_8));
            }
            copy.append(name, value);
        }
        return copy;
    }
}
