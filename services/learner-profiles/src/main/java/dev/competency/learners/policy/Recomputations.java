package dev.competency.learners.policy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.competency.learners.catalogue.query.FrameworkVersionStored;
import dev.competency.learners.learner.domain.AdoptFrameworkVersion;
import dev.competency.learners.learner.query.FrameworkUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Recomputes every affected learner when a framework version arrives: each learner with evidence on the framework
 * is told to adopt the version, which refolds their evidence under the new policy and records (and so publishes) the
 * mastery that changed. A job per framework version remembers the last learner done, so a restart resumes where it
 * stopped; adopting twice changes nothing, so the learner in flight at a crash is harmless. Progress is published as
 * the gauges {@code learner_profiles.recomputation.remaining} and the counter
 * {@code learner_profiles.recomputation.learners}.
 */
@Component
public class Recomputations {

    static final String COLLECTION = "recomputations";
    private static final Logger log = LoggerFactory.getLogger(Recomputations.class);

    private final MongoCollection<Document> jobs;
    private final FrameworkUsage usage;
    private final CommandGateway commands;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "mastery-recomputation");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong remaining = new AtomicLong();
    private final Counter recomputed;

    Recomputations(MongoDatabase serviceDatabase, FrameworkUsage usage, CommandGateway commands, Clock clock,
                   MeterRegistry meters) {
        this.jobs = serviceDatabase.getCollection(COLLECTION);
        this.usage = usage;
        this.commands = commands;
        this.clock = clock;
        Gauge.builder("learner_profiles.recomputation.remaining", remaining, AtomicLong::get)
                .description("Learners still to recompute after a framework version arrived").register(meters);
        this.recomputed = Counter.builder("learner_profiles.recomputation.learners")
                .description("Learners recomputed after a framework version arrived").register(meters);
    }

    @EventListener
    void on(FrameworkVersionStored stored) {
        String id = stored.frameworkId() + ":" + stored.version();
        jobs.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.setOnInsert("frameworkId", stored.frameworkId()),
                Updates.setOnInsert("version", stored.version()),
                Updates.setOnInsert("state", "RUNNING"),
                Updates.setOnInsert("done", 0),
                Updates.setOnInsert("createdAt", Date.from(clock.instant()))), new UpdateOptions().upsert(true));
        worker.execute(() -> run(id));
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        for (Document job : jobs.find(Filters.eq("state", "RUNNING"))) {
            String id = job.getString("_id");
            log.info("Resuming recomputation {} after learner {}", id, job.getString("lastLearnerId"));
            worker.execute(() -> run(id));
        }
    }

    public List<Job> jobs() {
        List<Job> result = new ArrayList<>();
        jobs.find().forEach(d -> result.add(toJob(d)));
        return result;
    }

    private void run(String id) {
        Document job = jobs.find(Filters.eq("_id", id)).first();
        if (job == null || !"RUNNING".equals(job.getString("state"))) {
            return;
        }
        String frameworkId = job.getString("frameworkId");
        int version = job.getInteger("version");
        String after = job.getString("lastLearnerId");
        List<String> learners = usage.learnersOf(frameworkId).stream()
                .filter(learner -> after == null || learner.compareTo(after) > 0).toList();
        jobs.updateOne(Filters.eq("_id", id), Updates.set("total", job.getInteger("done", 0) + learners.size()));
        remaining.addAndGet(learners.size());
        for (String learnerId : learners) {
            commands.sendAndWait(new AdoptFrameworkVersion(learnerId, frameworkId, version));
            jobs.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("lastLearnerId", learnerId),
                    Updates.inc("done", 1)));
            remaining.decrementAndGet();
            recomputed.increment();
        }
        jobs.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", "DONE"),
                Updates.set("finishedAt", Date.from(clock.instant()))));
        log.info("Recomputation {} done: {} learners", id, learners.size());
    }

    private static Job toJob(Document d) {
        Date finishedAt = d.getDate("finishedAt");
        return new Job(d.getString("frameworkId"), d.getInteger("version"), d.getString("state"),
                d.getInteger("done", 0), d.getInteger("total"), finishedAt == null ? null : finishedAt.toInstant());
    }

    /** One recomputation: RUNNING until every learner of the framework adopted the version, then DONE. */
    public record Job(String frameworkId, int version, String state, int done, Integer total, Instant finishedAt) {
    }
}
