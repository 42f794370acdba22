package dev.competency.platform.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the learner-profiles service end to end on the real broker and store: raw Kafka for comparison,
 * evidence to {@code mastery.changed} latency at a fixed rate, sustained intake throughput, as-of queries, the
 * rebuild of the read models and a soak at a fixed rate. See platform/bench/README.md.
 */
public final class LearnerProfilesBench {

    private static final Logger log = LoggerFactory.getLogger(LearnerProfilesBench.class);
    private static final Duration FRAMEWORK_TIMEOUT = Duration.ofSeconds(60);

    private LearnerProfilesBench() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        BenchOptions options;
        try {
            options = BenchOptions.of(BenchCommandLine.parseOrExit(BenchOptions.Arguments.class, args), root);
        } catch (IllegalArgumentException e) {
            log.error(e.getMessage());
            System.exit(2);
            return;
        }
        Report report = new Report();
        try {
            run(options, report);
        } catch (RuntimeException e) {
            log.error("The bench failed", e);
            System.exit(1);
        }
        log.info("Summary ({} learners x {} competencies, phases {}):{}{}", options.learners(),
                options.competencies(), options.phases(), System.lineSeparator(), report.text());
        System.exit(0);
    }

    private static void run(BenchOptions options, Report report) {
        report.note("load before start: %s, %d processors", Report.loadAverage(),
                Runtime.getRuntime().availableProcessors());
        try (Infrastructure infrastructure = Infrastructure.start(options.kafka(), options.mongo());
             ServiceUnderTest holder = ServiceUnderTest.of(options, infrastructure);
             MongoClient mongo = MongoClients.create(infrastructure.mongoConnectionString());
             Workload workload = new Workload(infrastructure.kafkaBootstrapServers(), options.competencies());
             MasteryWatcher watcher = new MasteryWatcher(infrastructure.kafkaBootstrapServers());
             IntakeLag lag = new IntakeLag(infrastructure.kafkaBootstrapServers())) {
            report.note("infrastructure: %s; service %s", infrastructure.describe(), holder.describe());
            MongoDatabase database = mongo.getDatabase(holder.database());
            workload.publishFramework();
            awaitFramework(database, workload.frameworkId());
            IntakeBench intake = new IntakeBench(options, workload, watcher, lag, holder.pid(), report);
            for (BenchOptions.Phase phase : options.phases()) {
                log.info("Phase {} (load {})", phase, Report.loadAverage());
                switch (phase) {
                    case RAW -> new RawKafkaBench(infrastructure.kafkaBootstrapServers(), workload, report)
                            .run(options.rawMessages(), options.timeout());
                    case LATENCY -> intake.latency();
                    case THROUGHPUT -> {
                        intake.throughputWarmup();
                        intake.throughput();
                        StoreProbe.report(database, report);
                    }
                    case ASOF -> new AsOfBench(workload, holder.client(), database, report)
                            .run(options.asOfEvidence(), options.asOfQueries(), options.asOfWarmup(),
                                    options.timeout());
                    case REBUILD -> {
                        new RebuildBench(workload, holder.client(), holder.pid(), database, report)
                                .run(options.rebuildEvidence(), options.competencies(), options.timeout());
                        StoreProbe.report(database, report);
                    }
                    case SOAK -> new SoakBench(options, workload, watcher, lag, holder.client(), report).run();
                }
            }
        }
    }

    private static void awaitFramework(MongoDatabase database, String frameworkId) {
        long deadline = System.nanoTime() + FRAMEWORK_TIMEOUT.toNanos();
        while (database.getCollection("framework_versions").countDocuments(Filters.eq("frameworkId", frameworkId)) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The service did not store framework " + frameworkId + " within "
                        + FRAMEWORK_TIMEOUT);
            }
            Pause.of(Duration.ofMillis(200));
        }
        log.info("Framework {} registered", frameworkId);
    }
}
