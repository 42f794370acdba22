package dev.competency.platform.bench;

import dev.competency.contracts.IntegrationEvent;
import dev.competency.contracts.evidence.Actor;
import dev.competency.contracts.evidence.ActorKind;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.contracts.evidence.SourceType;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.frameworks.MasteryMethod;
import dev.competency.contracts.frameworks.MethodType;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.contracts.learners.LearnerTeamChanged;
import dev.competency.contracts.mastery.MasteryChanged;
import dev.competency.platform.bench.BenchCommandLine.Help;
import dev.competency.platform.bench.BenchCommandLine.Positive;
import dev.competency.platform.bench.BenchCommandLine.Rate;
import dev.competency.platform.bench.BenchCommandLine.ServiceHeap;
import dev.competency.platform.bench.BenchCommandLine.ServiceJar;
import dev.competency.platform.bench.BenchCommandLine.WorkloadSize;
import dev.competency.platform.test.TestTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * Measures the analytics service as it runs: its executable jar as a child JVM against the embedded broker (and the
 * store the service starter connects to), fed with contract records on the public topics. Phases, in order: load
 * (learners × competencies of mastery, read until the lag is zero), intake (an open loop of mastery changes at
 * {@code --rate} for {@code --intake-seconds}, the service's lag sampled every 100 ms), capability (sequential
 * capability maps over HTTP) and rebuild (the topics topped up with evidence to {@code --rebuild-events}, then a
 * rebuild from offset 0 timed to DONE).
 *
 * <p>{@code mvn -B -q -pl platform/bench compile exec:java -Dbench.main=dev.competency.platform.bench.AnalyticsBench
 * -Dexec.args="--learners 1000 --competencies 50"}
 */
public final class AnalyticsBench {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsBench.class);
    private static final Pattern LAG = Pattern.compile("^analytics_consumer_lag\\{[^}]*} ([0-9.eE+]+)$",
            Pattern.MULTILINE);
    private static final Pattern APPLIED = Pattern.compile("^analytics_events_applied_total\\{[^}]*} ([0-9.eE+]+)$",
            Pattern.MULTILINE);
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    private final Options options;
    private final Report report = new Report();
    private ServiceClient service;
    private long produced;

    /** The command line of {@link AnalyticsBench}; the defaults are the targets' sizes. */
    @Command(name = "AnalyticsBench", usageHelpWidth = 120,
            description = {"Measures the analytics service: load, intake, capability map and rebuild.",
                    "The workload: --learners in 10 units and 200 teams, one mastery.changed per learner and "
                            + "competency; --rate paces the intake step (mastery.changed/s)."})
    static final class Options {

        @Mixin
        WorkloadSize workload = new WorkloadSize(10_000, 200);

        @Mixin
        Rate rate = new Rate(5_000);

        @Option(names = "--intake-seconds", paramLabel = "N", defaultValue = "60", converter = Positive.class,
                description = "seconds of the intake step (default ${DEFAULT-VALUE})")
        int intakeSeconds;

        @Option(names = "--queries", paramLabel = "N", defaultValue = "200", converter = Positive.class,
                description = "measured capability maps, after a quarter as many unmeasured (default "
                        + "${DEFAULT-VALUE})")
        int queries;

        @Option(names = "--rebuild-events", paramLabel = "N", defaultValue = "1000000", converter = Positive.class,
                description = "records on the topics when the rebuild starts (default ${DEFAULT-VALUE})")
        int rebuildEvents;

        @Mixin
        ServiceHeap serviceHeap = new ServiceHeap("3g");

        @Option(names = "--group-by", paramLabel = "unit|team", defaultValue = "unit",
                description = "grouping of the capability map (default ${DEFAULT-VALUE})")
        String groupBy;

        @Mixin
        ServiceJar jar = new ServiceJar("services/analytics/target/analytics.jar");

        @Mixin
        Help help;
    }

    private AnalyticsBench(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws InterruptedException {
        new AnalyticsBench(BenchCommandLine.parseOrExit(Options.class, args)).run();
    }

    private void run() throws InterruptedException {
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        Path jar = ServiceProcess.requireJar("analytics",
                options.jar.in(root),
                "mvn -B clean package -DskipTests -Djib.skip -pl services/analytics");
        try (Infrastructure infrastructure = Infrastructure.startEmbedded();
             KafkaProducer<String, byte[]> producer = Workload.producer(infrastructure.kafkaBootstrapServers());
             ServiceProcess analytics = ServiceProcess.start("analytics", jar,
                     List.of("-Xms512m", "-Xmx" + options.serviceHeap.size),
                     Map.of("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers(),
                             "MONGODB_URI", infrastructure.mongoConnectionString() + "/analytics-bench"),
                     "/actuator/health/readiness")) {
            service = new ServiceClient(analytics.url(), () -> TestTokens.token("bench-admin", "ADMIN"));
            load(producer);
            intake(producer);
            capability();
            rebuild(producer);
        }
        log.info("Summary:{}{}", System.lineSeparator(), report.text());
    }

    private void load(KafkaProducer<String, byte[]> producer) {
        int learners = options.workload.learners;
        int competencies = options.workload.competencies;
        long started = System.nanoTime();
        send(producer, framework(competencies));
        for (int l = 0; l < learners; l++) {
            String learner = "learner-" + l;
            send(producer, new LearnerRegistered(learner, null, "unit-" + (l % 10), T0));
            send(producer, new LearnerTeamChanged(learner, "team-" + (l % 200), null, null, T0));
            for (int c = 0; c < competencies; c++) {
                send(producer, mastery(learner, c, l + c, T0.plusSeconds(60L * c)));
            }
        }
        producer.flush();
        awaitLag(0, Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - started) / 1e9;
        report.add("load: %d events (%d learners x %d competencies) produced and applied in %.1f s = %.0f events/s",
                produced, learners, competencies, seconds, produced / seconds);
    }

    private void intake(KafkaProducer<String, byte[]> producer) throws InterruptedException {
        int rate = options.rate.perSecond;
        int seconds = options.intakeSeconds;
        int learners = options.workload.learners;
        int competencies = options.workload.competencies;
        Random random = new Random(7);
        Latencies lags = new Latencies();
        long start = System.nanoTime();
        long nextSample = start;
        long sent = 0;
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        double applied0 = sum(APPLIED);
        while (System.nanoTime() < end) {
            long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
            while (sent < due) {
                int l = random.nextInt(learners);
                int c = random.nextInt(competencies);
                send(producer, mastery("learner-" + l, c, random.nextInt(4), T0.plus(Duration.ofDays(30))
                        .plusMillis(sent)));
                sent++;
            }
            if (System.nanoTime() >= nextSample) {
                lags.record(lag() * 1_000_000L);
                nextSample += TimeUnit.MILLISECONDS.toNanos(100);
            }
            Thread.sleep(1);
        }
        producer.flush();
        double elapsed = (System.nanoTime() - start) / 1e9;
        double appliedRate = (sum(APPLIED) - applied0) / elapsed;
        report.add("intake: %d mastery.changed sent at %d/s for %d s; applied %.0f events/s; lag (records) "
                        + "p50 %.0f, p99 %.0f, max %.0f over %d samples", sent, rate, seconds, appliedRate,
                lags.percentileMillis(50), lags.percentileMillis(99), lags.maxMillis(), lags.count());
        awaitLag(0, Duration.ofMinutes(10));
    }

    private void capability() {
        int queries = options.queries;
        String path = "/api/analytics/capability?frameworkId=bench-framework&groupBy=" + options.groupBy;
        for (int i = 0; i < Math.max(20, queries / 4); i++) {
            service.get(path);
        }
        Latencies latencies = new Latencies();
        long bytes = 0;
        for (int i = 0; i < queries; i++) {
            long begin = System.nanoTime();
            bytes = service.get(path).length();
            latencies.record(System.nanoTime() - begin);
        }
        report.add("capability map (%d learners x %d competencies, groupBy=%s, %d bytes): %s",
                options.workload.learners, options.workload.competencies, options.groupBy, bytes,
                latencies.summary());
    }

    private void rebuild(KafkaProducer<String, byte[]> producer) throws InterruptedException {
        long target = options.rebuildEvents;
        int learners = options.workload.learners;
        Random random = new Random(11);
        while (produced < target) {
            String learner = "learner-" + random.nextInt(learners);
            send(producer, new EvidenceRecorded(UUID.randomUUID().toString(), learner, "bench-c" + random.nextInt(
                    options.workload.competencies), "bench-framework", 1, 0.7, null, null, SourceType.ASSESSMENT,
                    new Actor("bench", ActorKind.SYSTEM), T0, T0, new EvidenceRecorded.Provenance(null, null, null,
                    null, null), null, null));
        }
        producer.flush();
        awaitLag(0, Duration.ofMinutes(30));
        long begin = System.nanoTime();
        service.postJson("/api/analytics/admin/rebuild");
        JsonNode status;
        do {
            Thread.sleep(100);
            status = service.getJson("/api/analytics/admin/rebuild");
        } while (!"DONE".equals(status.path("state").asString()) && !"FAILED".equals(status.path("state").asString()));
        double seconds = (System.nanoTime() - begin) / 1e9;
        long events = status.path("eventsTotal").asLong();
        report.add("rebuild: %s, %d events from offset 0 in %.1f s = %.0f events/s", status.path("state").asString(),
                events, seconds, events / seconds);
    }

    // ---- plumbing

    private void awaitLag(long at, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lag() > at) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The service's lag stayed above " + at + " for " + timeout);
            }
            Pause.of(Duration.ofMillis(100));
        }
    }

    private long lag() {
        return (long) sum(LAG);
    }

    /** The sum of a metric's series in the service's Prometheus scrape. */
    private double sum(Pattern metric) {
        Matcher matcher = metric.matcher(service.get("/actuator/prometheus"));
        double sum = 0;
        while (matcher.find()) {
            sum += Double.parseDouble(matcher.group(1));
        }
        return sum;
    }

    private void send(KafkaProducer<String, byte[]> producer, IntegrationEvent payload) {
        producer.send(Workload.record(payload, "/bench"));
        produced++;
    }

    private static MasteryChanged mastery(String learner, int competency, int seed, Instant changedAt) {
        int level = Math.floorMod(seed, 4);
        return new MasteryChanged(learner, "bench-c" + competency, "bench-framework", 1, 1, MethodType.HIGHEST,
                List.of("NOT_YET", "DEVELOPING", "COMPETENT", "PROFICIENT").get(level), null, level / 4.0 + 0.1, null,
                level >= 2, false, 1, changedAt, changedAt, null, MasteryChanged.ChangeCause.EVIDENCE_RECORDED, null);
    }

    private static FrameworkPublished framework(int competencies) {
        List<FrameworkPublished.Competency> list = new ArrayList<>();
        for (int c = 0; c < competencies; c++) {
            list.add(new FrameworkPublished.Competency("bench-c" + c, "B." + c, "Bench competency " + c, null, null, c,
                    null, null, null, null));
        }
        return new FrameworkPublished("bench-framework", 1, "B", "Bench", null, null, T0, null, list, List.of(),
                new FrameworkPublished.ProficiencyScale(null, List.of(
                        new FrameworkPublished.ProficiencyLevel("NOT_YET", "Not yet", 0.0, false),
                        new FrameworkPublished.ProficiencyLevel("DEVELOPING", "Developing", 0.4, false),
                        new FrameworkPublished.ProficiencyLevel("COMPETENT", "Competent", 0.6, true),
                        new FrameworkPublished.ProficiencyLevel("PROFICIENT", "Proficient", 0.8, true))),
                new FrameworkPublished.MasteryPolicy(1, new MasteryMethod(MethodType.HIGHEST, null, null, null, null),
                        Map.of(), 0, FrameworkPublished.ManualRatingPrecedence.UNTIL_NEWER_EVIDENCE, null, null, null));
    }
}
