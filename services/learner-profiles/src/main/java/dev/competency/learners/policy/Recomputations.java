package dev.competency.learners.policy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.competency.learners.catalogue.query.FrameworkVersionStored;
import dev.competency.learners.learner.domain.AdoptFrameworkVersion;
import dev.competency.learners.learner.query.FrameworkUsage;
import dev.competency.platform.service.id.LearnerId;
import dev.competency.platform.service.mongo.RecordCollections;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
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

    private static final String RUNNING = "RUNNING";
    private static final String DONE = "DONE";

    private final MongoCollection<StoredJob> jobs;
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
        this.jobs = RecordCollections.collection(serviceDatabase, COLLECTION, StoredJob.class);
        this.usage = usage;
        this.commands = commands;
        this.clock = clock;
        Gauge.builder("learner_profiles.recomputation.remaining", remaining, AtomicLong::get)
                .description("Learners still to recompute after a framework version arrived").register(meters);
        this.recomputed = Counter.builder("learner_profiles.recomputation.learners")
                .description("Learners recomputed after a framework version arrived").register(meters);
    }

    /**
     * A job as stored in {@code recomputations}, keyed by framework and version; public only for the driver's record
     * codec. {@code lastLearnerId} and {@code total} are absent until the job first runs.
     */
    public record StoredJob(@BsonId String id, @BsonProperty(FRAMEWORK_ID) String frameworkId,
                            @BsonProperty(VERSION) int version, @BsonProperty(STATE) String state,
                            @BsonProperty(DONE_COUNT) int done, @BsonProperty(CREATED_AT) Instant createdAt,
                            @BsonProperty(TOTAL) Integer total,
                            @BsonProperty(LAST_LEARNER_ID) LearnerId lastLearnerId,
                            @BsonProperty(FINISHED_AT) Instant finishedAt) {
        static final String FRAMEWORK_ID = "frameworkId";
        static final String VERSION = "version";
        static final String STATE = "state";
        static final String DONE_COUNT = "done";
        static final String TOTAL = "total";
        static final String LAST_LEARNER_ID = "lastLearnerId";
        static final String FINISHED_AT = "finishedAt";
        static final String CREATED_AT = "createdAt";

        Job job() {
            return new Job(frameworkId, version, state, done, total, finishedAt);
        }
    }

    /** Starts the version's job, or resumes it: a job already stored is left as it is. */
    @EventListener
    void on(FrameworkVersionStored stored) {
        String id = stored.frameworkId() + ":" + stored.version();
        jobs.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.setOnInsert(StoredJob.FRAMEWORK_ID, stored.frameworkId()),
                Updates.setOnInsert(StoredJob.VERSION, stored.version()),
                Updates.setOnInsert(StoredJob.STATE, RUNNING),
                Updates.setOnInsert(StoredJob.DONE_COUNT, 0),
                Updates.setOnInsert(StoredJob.CREATED_AT, clock.instant())), new UpdateOptions().upsert(true));
        worker.execute(() -> run(id));
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        for (StoredJob job : jobs.find(Filters.eq(StoredJob.STATE, RUNNING))) {
            log.info("Resuming recomputation {} after learner {}", job.id(), job.lastLearnerId());
            worker.execute(() -> run(job.id()));
        }
    }

    public List<Job> jobs() {
        return jobs.find().map(StoredJob::job).into(new ArrayList<>());
    }

    private void run(String id) {
        StoredJob job = jobs.find(Filters.eq("_id", id)).first();
        if (job == null || !RUNNING.equals(job.state())) {
            return;
        }
        String after = job.lastLearnerId() == null ? null : job.lastLearnerId().value();
        List<String> learners = usage.learnersOf(job.frameworkId()).stream()
                .filter(learner -> after == null || learner.compareTo(after) > 0).toList();
        jobs.updateOne(Filters.eq("_id", id), Updates.set(StoredJob.TOTAL, job.done() + learners.size()));
        remaining.addAndGet(learners.size());
        for (String learnerId : learners) {
            commands.sendAndWait(new AdoptFrameworkVersion(learnerId, job.frameworkId(), job.version()));
            jobs.updateOne(Filters.eq("_id", id), Updates.combine(
                    Updates.set(StoredJob.LAST_LEARNER_ID, new LearnerId(learnerId)),
                    Updates.inc(StoredJob.DONE_COUNT, 1)));
            remaining.decrementAndGet();
            recomputed.increment();
        }
        jobs.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set(StoredJob.STATE, DONE),
                Updates.set(StoredJob.FINISHED_AT, clock.instant())));
        log.info("Recomputation {} done: {} learners", id, learners.size());
    }

    /** One recomputation: RUNNING until every learner of the framework adopted the version, then DONE. */
    public record Job(String frameworkId, int version, String state, int done, Integer total, Instant finishedAt) {
    }
}
