package dev.competency.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.competency.contracts.Topics;
import dev.competency.contracts.evidence.Actor;
import dev.competency.contracts.evidence.ActorKind;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.contracts.evidence.EvidenceVoided;
import dev.competency.contracts.evidence.SourceType;
import dev.competency.faults.check.ConsumerGroups;
import dev.competency.faults.check.EvidenceLedger;
import dev.competency.faults.check.InstanceMeters;
import dev.competency.faults.check.Invariants;
import dev.competency.faults.check.MasteryChecks;
import dev.competency.faults.check.RecoveryReport;
import dev.competency.faults.check.SegmentOwners;
import dev.competency.faults.check.TopicReader;
import dev.competency.faults.inject.RecordWriter;
import dev.competency.faults.load.EvidenceGenerator;
import dev.competency.faults.platform.GatewayClient;
import dev.competency.faults.platform.LaunchedPlatform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Faults injected into the whole platform (the launcher's: real Kafka broker, MongoDB-compatible store, every
 * service and the gateway as their own processes; services killed, one of two instances of learner-profiles and of
 * assessments killed while both share the work, consumer groups rewound, poison, late and
 * out-of-order records, the broker and the store restarted or away for 30 s) while evidence is recorded through the
 * gateway without pause;
 * after each fault, a quiet period and the {@link Invariants}; at the end, the read models of learner-profiles and
 * analytics rebuilt and compared with what they answered before. The results table ({@link RecoveryReport}) is logged
 * at the end and written to {@code target/fault-report.txt}. The run's random choices (which moment a service dies,
 * what the generator records) follow the seed it logs; {@code -Dfaults.seed=…} repeats one.
 *
 * <p>The run keeps to a time budget ({@code -Dfaults.budget-seconds}, 660 by default, start-up included): a fault
 * that would likely not end within what is left is skipped (aborted, and shown as skipped in the table) rather than
 * started. Failsafe stops the JVM after thirteen minutes whatever happens, and the launcher then stops the platform.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

    private static final Logger log = LoggerFactory.getLogger(FaultInjectionIT.class);
    private static final Duration SETTLE = Duration.ofSeconds(90);
    /** What the rebuild of the read models at the end needs of the time budget; the faults leave it to it. */
    private static final Duration REBUILD_TIME = Duration.ofSeconds(30);
    /** How long the broker or the store stays unreachable in the outage faults. */
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final String AUTHOR = "author-ana";
    private static final String ADMIN = "admin-ada";
    private static final String FRAMEWORK_CODE = "DEV";
    /** The learner home page assessments recognises learner accounts on (its default in the local profile). */
    private static final String LEARNER_HOME_PAGE = "http://127.0.0.1:8080";
    /** The demo team's learners, as the launcher registers them. */
    private static final List<String> LEARNERS = List.of("7f2b7f39-c8c5-488a-994e-3c054105938f", "learner-grace",
            demoId("lukas"), demoId("priya"), demoId("tomas"), demoId("mei"));
    /**
     * Who community's state is read as: the demo learners who can sign in (their own notifications) and the demo
     * team's manager (the team's challenges; the team is {@link #LEARNERS}).
     */
    private static final MasteryChecks.Community COMMUNITY = new MasteryChecks.Community(Map.of(
            "7f2b7f39-c8c5-488a-994e-3c054105938f", "learner-ada", "learner-grace", "learner-grace"), "manager-maria",
            Set.copyOf(LEARNERS));
    /** The demo competencies with evidence (leaves of the demo framework). */
    private static final List<String> COMPETENCIES = List.of("f82522b5-8a39-49ed-8fc9-acfef26216d4",
            "0c53df7e-a725-4159-a5c7-c0c3a46ec709", "80cc2334-be62-498c-8029-b2e2dae413b6");
    private static final String DLQ_REASON = "kafka_dlt-exception-message";
    /** The services run as two instances side by side in one fault. */
    private static final List<String> SCALED = List.of("learner-profiles", "assessments");
    /**
     * How long a survivor may take to own every segment of a killed instance: the services' settings bound it at
     * max(instance time-out, claim time-out) + Axon's claim interval + a heartbeat = 10 + 5 + 2 = 17 s
     * ({@code platform/axon-starter}); three times that for a loaded host.
     */
    private static final Duration TAKEOVER_CEILING = Duration.ofSeconds(51);

    private final long seed = Long.getLong("faults.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private RecoveryReport report;
    private final long suiteStarted = System.nanoTime();
    /** Whether the poison on the frameworks, evidence and learners topics was written (not skipped for time). */
    private boolean poisonedConsumedTopics;
    private final Instant deadline = Instant.now().plusSeconds(Long.getLong("faults.budget-seconds", 660));
    private LaunchedPlatform platform;
    private GatewayClient api;
    private EvidenceGenerator generator;
    private EvidenceGenerator.Scenario scenario;
    private ConsumerGroups groups;
    private SegmentOwners owners;
    private RecordWriter writer;
    /** Threads for faults injected side by side (each blocks until its service is back). */
    private final ExecutorService faults = Executors.newFixedThreadPool(LaunchedPlatform.SERVICES.size());

    @BeforeAll
    void startPlatform() {
        log.info("Fault suite seed {} (repeat with -Dfaults.seed={})", seed, seed);
        platform = LaunchedPlatform.start(repositoryRoot(), workDirectory());
        api = new GatewayClient(platform.gateway(), platform.xapiCredentials());
        report = new RecoveryReport(api);
        groups = new ConsumerGroups(platform.kafkaBootstrapServers());
        owners = new SegmentOwners(platform.mongoConnectionString());
        writer = new RecordWriter(platform.kafkaBootstrapServers());
        scenario = alignActivities();
        generator = new EvidenceGenerator(api, scenario, seed);
        settle(List.of(new Fault("none (demo data loaded)", List.of(), Instant.now(), Optional.empty(),
                "the baseline")));
    }

    @AfterAll
    void stopPlatform() throws IOException {
        if (generator != null) {
            generator.close();
        }
        String table = report == null ? "" : report.table();
        String summary = String.format("Fault suite (seed %d) took %d s in all; generator: %d pieces of evidence "
                        + "accepted, %d voids, %d writes sent again, %d refused, %d ratings of unknown outcome%n%s",
                seed, Duration.ofNanos(System.nanoTime() - suiteStarted).toSeconds(),
                generator == null ? 0 : generator.accepted().size(), generator == null ? 0 : generator.voided().size(),
                generator == null ? 0 : generator.resent(), generator == null ? 0 : generator.refused().size(),
                generator == null ? 0 : generator.unknownOutcomes(), table);
        log.info("Results\n{}", summary);
        if (generator != null) {
            generator.refused().forEach(answer -> log.warn("Valid write refused: {} {}", answer, answer.body()));
        }
        Files.writeString(workDirectory().resolve("fault-report.txt"), summary);
        faults.shutdownNow();
        if (writer != null) {
            writer.close();
        }
        if (groups != null) {
            groups.close();
        }
        if (owners != null) {
            owners.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Order(1)
    @Test
    void keepsEveryPieceOfEvidenceOnce_whenEachServiceIsKilledAtARandomMomentAndRestarted() {
        requireTime("kill -9 of every service", Duration.ofSeconds(60));
        generator.resume();
        Instant loadStarted = Instant.now();
        List<CompletableFuture<Fault>> kills = new ArrayList<>();
        for (String service : LaunchedPlatform.SERVICES) {
            long delay = 1_000 + random.nextInt(7_000);
            kills.add(CompletableFuture.supplyAsync(() -> {
                Instant killed = Instant.now();
                platform.kill(service);
                platform.restart(service);
                Instant up = Instant.now();
                report.down(service, killed, up);
                return new Fault(String.format("kill -9 %s at +%.1f s of load", service,
                        Duration.between(loadStarted, killed).toMillis() / 1000.0), List.of(service), killed,
                        Optional.of(Duration.between(killed, up)), "");
            }, CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, faults)));
        }
        List<Fault> done = kills.stream().map(CompletableFuture::join).toList();

        Invariants.Outcome outcome = settle(done);

        assertThat(outcome.problems()).as("invariants after kill -9 of every service").isEmpty();
    }

    @Order(2)
    @Test
    void sharesTheWork_andTheSurvivorTakesOverEverySegment_whenOneOfTwoInstancesIsKilled() {
        requireTime("two instances of learner-profiles and assessments", Duration.ofSeconds(150));
        generator.resume();
        Map<String, List<String>> serviceGroups = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> oneInstanceMembers = new LinkedHashMap<>();
        for (String service : SCALED) {
            serviceGroups.put(service, groups.groups().stream().filter(group -> group.startsWith(service + "."))
                    .toList());
            oneInstanceMembers.put(service, groups.members(serviceGroups.get(service)));
        }
        Map<String, String> added = new ConcurrentHashMap<>();
        Map<String, String> shareAgain = new ConcurrentHashMap<>();
        List<Takeover> takeovers;
        Invariants.Outcome outcome;
        try {
            Instant adding = Instant.now();
            onEach(SCALED, service -> added.put(service, platform.addInstance(service)));
            Instant up = Instant.now();
            await("each of two instances owning segments of every processor").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).until(() -> SCALED.stream().allMatch(service -> {
                        SegmentOwners.Ownership ownership = owners.of(service);
                        return ownership.ownsSomeOfEach(node(service))
                                && ownership.ownsSomeOfEach(node(added.get(service)));
                    }));
            log.info("Second instances {} up after {}; each instance owns segments of every processor {} later", added,
                    Duration.between(adding, up), Duration.between(up, Instant.now()));

            // Each service's second instance is killed at its own moment, 10 to 15 s into the shared work.
            Instant sharing = Instant.now();
            List<CompletableFuture<Takeover>> kills = new ArrayList<>();
            for (String service : SCALED) {
                Map<String, InstanceMeters.Sample> before = Map.of(
                        service, InstanceMeters.sample(platform.service(service)),
                        added.get(service), InstanceMeters.sample(platform.service(added.get(service))));
                kills.add(CompletableFuture.supplyAsync(() -> killOneOfTwo(service, added.get(service), before,
                                serviceGroups.get(service), oneInstanceMembers.get(service)),
                        CompletableFuture.delayedExecutor(10_000 + random.nextInt(5_000), TimeUnit.MILLISECONDS,
                                faults)));
            }
            takeovers = kills.stream().map(CompletableFuture::join).toList();
            takeovers.forEach(takeover -> report.down(takeover.service(), takeover.killed(),
                    takeover.segmentsTakenOver().map(took -> takeover.killed().plus(took)).orElse(Instant.now())));
            Instant firstKill = takeovers.stream().map(Takeover::killed).min(Instant::compareTo).orElseThrow();

            outcome = settle(List.of(new Fault(String.format("kill -9 of one of two instances at +%.1f s",
                    Duration.between(sharing, firstKill).toMillis() / 1000.0), SCALED, firstKill, Optional.empty(),
                    takeovers.stream().map(Takeover::note).reduce((a, b) -> a + "; " + b).orElse(""))));

            shareAgain.putAll(restartAndAwaitShare(added));
        } finally {
            // Back to one instance each for the faults after this one; a clean stop hands the segments over at once.
            onEach(List.copyOf(added.values()), platform::stop);
        }
        Instant stopped = Instant.now();
        await("the first instances owning every segment again").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> SCALED.stream().allMatch(service -> owners.of(service).allOwnedBy(node(service))));
        log.info("Second instances stopped; the first ones own every segment {} later",
                Duration.between(stopped, Instant.now()));

        for (Takeover takeover : takeovers) {
            assertThat(takeover.share().values()).as("events taken in by each of the two instances of %s before "
                    + "the kill, %s", takeover.service(), takeover.note()).hasSize(2)
                    .allSatisfy(events -> assertThat(events).isPositive());
            assertThat(takeover.segmentsTakenOver()).as("time until the survivor of %s owned every segment",
                    takeover.service()).hasValueSatisfying(took -> assertThat(took).isLessThanOrEqualTo(
                            TAKEOVER_CEILING));
        }
        assertThat(outcome.problems()).as("invariants after kill -9 of one of two instances").isEmpty();
        assertThat(shareAgain.keySet()).as("services whose restarted instance owns segments of every processor again")
                .containsExactlyInAnyOrderElementsOf(SCALED);
    }

    /**
     * Starts the killed instances ({@code added}, by service) again and waits until each owns segments of every
     * processor of its service (at most 60 s); adds a row to the report.
     *
     * @return by service, how many segments its restarted instance owned how soon after it was up; a service whose
     * restarted instance owned none within 60 s is missing
     */
    private Map<String, String> restartAndAwaitShare(Map<String, String> added) {
        Instant restarting = Instant.now();
        onEach(List.copyOf(added.values()), platform::restart);
        Instant restarted = Instant.now();
        Map<String, String> shareAgain = new ConcurrentHashMap<>();
        try {
            await("the restarted instances owning segments of every processor again").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        for (String service : SCALED) {
                            Predicate<String> restartedNode = node(added.get(service));
                            SegmentOwners.Ownership ownership = owners.of(service);
                            if (!shareAgain.containsKey(service) && ownership.ownsSomeOfEach(restartedNode)) {
                                shareAgain.put(service, String.format("%s owns %d of %d segments %s s after it was up",
                                        added.get(service), ownership.count(restartedNode), ownership.segments(),
                                        seconds(Duration.between(restarted, Instant.now()))));
                            }
                        }
                        return shareAgain.size() == SCALED.size();
                    });
        } catch (ConditionTimeoutException e) {
            log.warn("Restarted instances without segments 60 s after they were up: {}", SCALED.stream()
                    .filter(service -> !shareAgain.containsKey(service)).toList());
        }
        report.add(new RecoveryReport.Row("the killed instances started again", Optional.empty(), 0, 0,
                Optional.empty(), null, "up again after " + seconds(Duration.between(restarting, restarted)) + " s; "
                + SCALED.stream().map(service -> shareAgain.getOrDefault(service, added.get(service)
                        + " owns NO segment 60 s after it was up")).reduce((a, b) -> a + "; " + b).orElse("")));
        return shareAgain;
    }

    /**
     * What killing one of two instances of a service showed.
     *
     * @param share             events taken in by each instance (first, then second) from the moment both owned
     *                          segments until the kill
     * @param listenerShare     records each instance's Kafka listeners handled meanwhile
     * @param segmentsTakenOver from the kill until the survivor owned every segment of every processor (empty when it
     *                          did not within {@link #TAKEOVER_CEILING})
     * @param partitionsTakenOver from the kill until the service's consumer groups had only the survivor's members
     */
    private record Takeover(String service, Instant killed, Map<String, Double> share,
                            Map<String, Double> listenerShare, Optional<Duration> segmentsTakenOver,
                            Optional<Duration> partitionsTakenOver) {

        String note() {
            double events = share.values().stream().mapToDouble(Double::doubleValue).sum();
            double records = listenerShare.values().stream().mapToDouble(Double::doubleValue).sum();
            return String.format("%s: events %s of %.0f, Kafka records %s; survivor owned every segment after %s s, "
                            + "the dead instance left its consumer groups after %s s", service, percentages(share),
                    events, records == 0 ? "none" : percentages(listenerShare) + " of " + Math.round(records),
                    segmentsTakenOver.map(FaultInjectionIT::seconds).orElse("NEVER"),
                    partitionsTakenOver.map(FaultInjectionIT::seconds).orElse("NEVER"));
        }

        private static String percentages(Map<String, Double> counts) {
            double total = counts.values().stream().mapToDouble(Double::doubleValue).sum();
            return counts.values().stream().map(count -> total == 0 ? "-" : Math.round(100 * count / total) + " %")
                    .reduce((a, b) -> a + " / " + b).orElse("-");
        }
    }

    /**
     * Kills the second instance of the service, after reading what each instance did since {@code before}, and
     * measures how long until the first instance owns every segment and the service's consumer groups ({@code
     * serviceGroups}) have only its members again ({@code oneInstanceMembers}, counted before the second one came).
     */
    private Takeover killOneOfTwo(String service, String second, Map<String, InstanceMeters.Sample> before,
                                  List<String> serviceGroups, Map<String, Integer> oneInstanceMembers) {
        InstanceMeters.Sample firstWork = InstanceMeters.sample(platform.service(service)).since(before.get(service));
        InstanceMeters.Sample secondWork = InstanceMeters.sample(platform.service(second)).since(before.get(second));
        Instant killed = Instant.now();
        platform.kill(second);
        log.info("{} killed; events taken in meanwhile by {}: {}, by {}: {}", second, service, firstWork.events(),
                second, secondWork.events());
        Optional<Duration> segments = awaitFor(TAKEOVER_CEILING, () -> owners.of(service).allOwnedBy(node(service)))
                .map(at -> Duration.between(killed, at));
        // The survivor's members alone: the dead instance's consumers count until their sessions time out.
        Optional<Duration> partitions = awaitFor(SETTLE, () -> groups.members(serviceGroups)
                .equals(oneInstanceMembers)).map(at -> Duration.between(killed, at));
        Map<String, Double> share = new LinkedHashMap<>();
        share.put(service, firstWork.allEvents());
        share.put(second, secondWork.allEvents());
        Map<String, Double> listenerShare = new LinkedHashMap<>();
        listenerShare.put(service, firstWork.listenerCalls());
        listenerShare.put(second, secondWork.listenerCalls());
        return new Takeover(service, killed, share, listenerShare, segments, partitions);
    }

    /** When {@code condition} first held, polled every 250 ms for at most {@code atMost}; empty when it never did. */
    private static Optional<Instant> awaitFor(Duration atMost, Callable<Boolean> condition) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(condition);
            return Optional.of(Instant.now());
        } catch (ConditionTimeoutException e) {
            return Optional.empty();
        }
    }

    /** Whether a segment owner is this instance: its node name is the instance's name and 8 hex digits. */
    private static Predicate<String> node(String instance) {
        Pattern name = Pattern.compile(Pattern.quote(instance) + "-[0-9a-f]{8}");
        return owner -> name.matcher(owner).matches();
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f", duration.toMillis() / 1000.0);
    }

    @Order(3)
    @Test
    void appliesEveryEventOnce_whenEveryConsumerGroupReadsItsTopicsAgainFromTheStart() {
        requireTime("offsets of every group reset to 0", Duration.ofSeconds(50));
        generator.resume();
        Instant started = Instant.now();
        // The broker moves a group's offsets only while it has no member: stop every service with consumer groups
        // (gracefully, so that their consumers leave their groups at once) and rewind the groups of those stopped.
        List<String> consumers = List.of("assessments", "learner-profiles", "analytics", "community");
        onEach(consumers, platform::stop);
        List<String> rewound = groups.groups().stream()
                .filter(group -> consumers.stream().anyMatch(service -> group.startsWith(service + "."))).toList();
        Map<String, Long> again;
        try {
            await("the consumer groups to be empty").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500)).until(() -> groups.allEmpty(rewound));
            again = groups.rewindToStart(rewound);
        } finally {
            // Up again whatever happened, so that a failure here does not take the faults after it down too.
            onEach(consumers, platform::restart);
        }
        Instant up = Instant.now();
        consumers.forEach(service -> report.down(service, started, up));
        await("every group to read its topics to the end again").atMost(settleTime()).pollInterval(Duration.ofSeconds(1))
                .until(() -> groups.lag().values().stream().allMatch(lag -> lag == 0));

        long redelivered = again.values().stream().mapToLong(Long::longValue).sum();
        Invariants.Outcome outcome = settle(List.of(new Fault("offsets of every group reset to 0 (" + rewound.size()
                + " groups)", consumers, started, Optional.of(Duration.between(started, up)),
                redelivered + " records delivered again")));

        assertThat(rewound).as("the services' consumer groups").isNotEmpty();
        assertThat(redelivered).as("records delivered again").isPositive();
        assertThat(outcome.problems()).as("invariants after the redelivery storm").isEmpty();
    }

    @Order(4)
    @Test
    void deadLettersPoisonRecordsWithTheirReason_andKeepsConsuming_onEveryTopicAConsumerGroupReads() {
        requireTime("poison on frameworks, evidence, learners", Duration.ofSeconds(30));
        generator.resume();
        Instant started = Instant.now();
        List<RecordWriter.Poison> poison = new ArrayList<>();
        for (String topic : List.of(Topics.FRAMEWORKS, Topics.EVIDENCE, Topics.LEARNERS)) {
            poison.addAll(writer.poison(topic));
        }
        poisonedConsumedTopics = true;
        // Good records after the poison, on each of these topics: a learning resource (frameworks), a learner
        // registered (learners) and her evidence (evidence), which needs assessments to have read her registration.
        publishLearningResource();
        String newcomer = registerLearner();
        await("evidence of the learner registered after the poison").atMost(settleTime()).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    String statementId = UUID.randomUUID().toString();
                    api.putStatement(statementId, statementFor(newcomer, COMPETENCIES.get(0), Instant.now()));
                    return EvidenceLedger.read(platform.kafkaBootstrapServers()).learners().contains(newcomer);
                });
        Map<String, List<String>> missing = new LinkedHashMap<>();
        try {
            await("every poison record in its dead-letter topic, with its reason").atMost(settleTime())
                    .pollInterval(Duration.ofSeconds(1)).until(() -> {
                        missing.clear();
                        missing.putAll(missingFromDeadLetters(poison));
                        return missing.isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            log.warn("Poison records not dead-lettered: {}", missing);
        }
        await("every group past the poison").atMost(settleTime()).pollInterval(Duration.ofSeconds(1))
                .until(() -> groups.lag().values().stream().allMatch(lag -> lag == 0));

        Invariants.Outcome outcome = settle(List.of(new Fault("poison on frameworks, evidence, learners (4 each)",
                List.of(), started, Optional.empty(), missing.isEmpty()
                        ? "all " + poison.size() + " dead-lettered with a reason" : "NOT dead-lettered: " + missing)));

        assertThat(missing).as("poison records missing from their dead-letter topic (or without a reason)").isEmpty();
        assertThat(outcome.problems()).as("invariants after the poison").isEmpty();
    }

    @Order(5)
    @Test
    void skipsPoisonOnEveryTopic_andCountsIt_inAnalytics() {
        requireTime("poison on the mastery topic", Duration.ofSeconds(15));
        Map<String, Double> before = analyticsRejected();
        List<RecordWriter.Poison> poison = writer.poison(Topics.MASTERY);
        await("analytics to count the poison on the mastery topic").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> analyticsRejected().getOrDefault(Topics.MASTERY, 0.0)
                        >= before.getOrDefault(Topics.MASTERY, 0.0) + poison.size());
        Map<String, Double> after = analyticsRejected();
        if (!poisonedConsumedTopics) {
            return;
        }
        for (String topic : List.of(Topics.FRAMEWORKS, Topics.EVIDENCE, Topics.LEARNERS)) {
            // The previous test's poison (when it had time to run); analytics counts each rejected record once per
            // read of the topic.
            assertThat(after.getOrDefault(topic, 0.0)).as("analytics' rejected records on %s", topic)
                    .isGreaterThanOrEqualTo(4.0);
        }
    }

    @Order(6)
    @Test
    void deadLettersPoisonRecordsWithTheirReason_onTheMasteryTopic() {
        List<RecordWriter.Poison> poison = writer.poison(Topics.MASTERY);
        await("every poison record of the mastery topic in its dead-letter topic").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).until(() -> missingFromDeadLetters(poison).isEmpty());
    }

    @Order(7)
    @Test
    void placesEvidenceWhereItHappened_whenItArrivesLate() {
        requireTime("late evidence", Duration.ofSeconds(25));
        generator.resume();
        Instant started = Instant.now();
        List<EvidenceGenerator.Accepted> late = new ArrayList<>();
        for (int weeks = 3; weeks <= 8; weeks += 5) {
            late.add(generator.recordStatement(Instant.now().minus(7L * weeks, ChronoUnit.DAYS)));
        }

        Invariants.Outcome outcome = settle(List.of(new Fault("late evidence (3 and 8 weeks old)", List.of(), started,
                Optional.empty(), "")));

        assertThat(outcome.problems()).as("invariants after late evidence").isEmpty();
        for (EvidenceGenerator.Accepted evidence : late) {
            List<JsonNode> timeline = new ArrayList<>();
            api.get(ADMIN, "/api/learners/" + evidence.learnerId() + "/evidence?limit=1000").forEach(timeline::add);
            List<Instant> occurredAt = timeline.stream()
                    .map(entry -> Instant.parse(entry.path("evidence").path("occurredAt").asString())).toList();
            assertThat(occurredAt).as("the evidence list of %s in the order things happened", evidence.learnerId())
                    .isSorted();
            assertThat(timeline).as("late evidence %s", evidence.evidenceId()).anySatisfy(entry ->
                    assertThat(entry.path("evidence").path("evidenceId").asString())
                            .isEqualTo(evidence.evidenceId()));
        }
    }

    @Order(8)
    @Test
    void neverCountsEvidence_whoseVoidingStatementArrivedFirst() {
        requireTime("void statement before its statement", Duration.ofSeconds(25));
        generator.resume();
        Instant started = Instant.now();
        EvidenceGenerator.Accepted voidedFirst = generator.planStatement();
        generator.voidStatement(voidedFirst.statementId(), voidedFirst);
        generator.recordStatement(voidedFirst, Instant.now().minus(1, ChronoUnit.HOURS));

        Invariants.Outcome outcome = settle(List.of(new Fault("voiding statement before its statement", List.of(),
                started, Optional.empty(), "")));

        assertThat(outcome.problems()).as("invariants after a statement voided before it arrived").isEmpty();
        assertThat(EvidenceLedger.read(platform.kafkaBootstrapServers()).live(voidedFirst.evidenceId()))
                .as("evidence of a statement voided before it arrived").isFalse();
    }

    @Order(9)
    @Test
    void neverCountsEvidence_whoseVoidArrivedFirstOnTheTopic() {
        requireTime("evidence.voided before evidence.recorded", Duration.ofSeconds(25));
        Instant started = Instant.now();
        String learner = LEARNERS.get(random.nextInt(LEARNERS.size()));
        String competency = COMPETENCIES.get(random.nextInt(COMPETENCIES.size()));
        String evidenceId = UUID.randomUUID().toString();
        Instant occurred = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        writer.publish(Topics.EVIDENCE, uuid("evidence.voided:" + evidenceId), new EvidenceVoided(evidenceId, learner,
                competency, Instant.now(), new Actor("fault-suite", ActorKind.SYSTEM), "Voided before it arrived"),
                "/fault-suite");
        writer.publish(Topics.EVIDENCE, uuid("evidence.recorded:" + evidenceId), new EvidenceRecorded(evidenceId,
                learner, competency, scenario.frameworkId(), scenario.frameworkVersion(), 0.9, 18.0, 20.0,
                SourceType.ASSESSMENT, new Actor("fault-suite", ActorKind.SYSTEM), occurred, Instant.now(),
                new EvidenceRecorded.Provenance(UUID.randomUUID().toString(), UUID.randomUUID().toString(), null, 1,
                        null), null, null), "/fault-suite");

        Invariants.Outcome outcome = settle(List.of(new Fault("evidence.voided before evidence.recorded", List.of(),
                started, Optional.empty(), "")));

        assertThat(outcome.problems()).as("invariants after a void that came before its evidence").isEmpty();
    }

    @Order(10)
    @Test
    void keepsEveryPieceOfEvidenceOnce_whenTheBrokerRestarts() {
        dependencyFault(LaunchedPlatform.KAFKA, "broker restart", Duration.ZERO, Duration.ofSeconds(45));
    }

    @Order(11)
    @Test
    void keepsEveryPieceOfEvidenceOnce_whenTheBrokerIsUnreachableFor30Seconds() {
        dependencyFault(LaunchedPlatform.KAFKA, "broker unreachable", OUTAGE, Duration.ofSeconds(75));
    }

    @Order(12)
    @Test
    void keepsEveryPieceOfEvidenceOnce_whenTheStoreRestarts() {
        dependencyFault(LaunchedPlatform.MONGODB, "store restart", Duration.ZERO, Duration.ofSeconds(45));
    }

    @Order(13)
    @Test
    void keepsEveryPieceOfEvidenceOnce_whenTheStoreIsUnreachableFor30Seconds() {
        dependencyFault(LaunchedPlatform.MONGODB, "store unreachable", OUTAGE, Duration.ofSeconds(75));
    }

    /**
     * Stops the broker or the store (through the launcher) at a random moment 1 to 8 s into the load, keeps it away
     * for {@code outage} (it refuses connections meanwhile), starts it again on its port with its data, and checks
     * the invariants once the generator has stopped. Every service depends on both, so any service's path may answer
     * 503 with Retry-After from the stop until shortly after it answers again.
     */
    private void dependencyFault(String dependency, String fault, Duration outage, Duration needed) {
        String label = fault + (outage.isZero() ? "" : " for " + outage.toSeconds() + " s");
        requireTime(label, needed);
        generator.resume();
        Instant loadStarted = Instant.now();
        long delay = 1_000 + random.nextInt(7_000);
        Instant stopped = CompletableFuture.supplyAsync(() -> {
            Instant at = Instant.now();
            platform.stop(dependency);
            return at;
        }, CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, faults)).join();
        CompletableFuture.runAsync(() -> platform.restart(dependency),
                CompletableFuture.delayedExecutor(outage.toMillis(), TimeUnit.MILLISECONDS, faults)).join();
        Instant up = Instant.now();
        LaunchedPlatform.SERVICES.forEach(service -> report.down(service, stopped, up));
        String answering = awaitEveryServiceAnswering(up);

        Invariants.Outcome outcome = settle(List.of(new Fault(String.format("%s at +%.1f s of load", label,
                Duration.between(loadStarted, stopped).toMillis() / 1000.0), LaunchedPlatform.SERVICES, stopped,
                Optional.of(Duration.between(stopped, up)), answering)));

        assertThat(answering).as("every service answering after the %s", label).doesNotStartWith("NOT");
        assertThat(outcome.problems()).as("invariants after the %s", label).isEmpty();
    }

    /**
     * Calls a read of each service through the gateway every half second, from {@code back} on, until each has
     * answered 2xx once; says how long that took (the generator keeps writing meanwhile).
     */
    private String awaitEveryServiceAnswering(Instant back) {
        String learner = LEARNERS.get(0);
        Map<String, String> probes = new LinkedHashMap<>();
        probes.put("frameworks", "/api/frameworks/" + scenario.frameworkId());
        probes.put("assessments", "/api/assessments/learners/" + learner + "/attempts");
        probes.put("learner-profiles", "/api/learners/" + learner + "/mastery");
        probes.put("analytics", "/api/analytics/evidence/sources");
        probes.put("community", "/api/community/leaderboard");
        Map<String, Instant> answered = new LinkedHashMap<>();
        try {
            await("every service to answer again").atMost(settleTime()).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        probes.forEach((service, path) -> {
                            if (!answered.containsKey(service) && api.send(ADMIN, "GET", path, null).ok()) {
                                answered.put(service, Instant.now());
                            }
                        });
                        return answered.size() == probes.size();
                    });
        } catch (ConditionTimeoutException e) {
            List<String> silent = probes.keySet().stream().filter(service -> !answered.containsKey(service)).toList();
            return "NOT answering " + Duration.between(back, Instant.now()).toSeconds() + " s after it was back: "
                    + silent;
        }
        Instant last = answered.values().stream().max(Instant::compareTo).orElse(back);
        return String.format("every service answered again %.1f s after it was back",
                Duration.between(back, last).toMillis() / 1000.0);
    }

    @Order(14)
    @Test
    void answersWhatItAnsweredBefore_whenLearnerProfilesAndAnalyticsRebuildTheirReadModels() {
        requireTime("read models rebuilt", REBUILD_TIME, Duration.ZERO);
        generator.quiesce(Duration.ofSeconds(60));
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<String> learners = EvidenceLedger.read(platform.kafkaBootstrapServers()).learners().stream().sorted()
                .toList();
        Map<String, JsonNode> before = readModelAnswers(learners, asOf);

        Instant started = Instant.now();
        String learnerRebuild = api.call(ADMIN, "POST", "/api/learners/admin/rebuild", null)
                .path("lastRebuildStartedAt").asString();
        api.call(ADMIN, "POST", "/api/analytics/admin/rebuild", null);
        await("learner-profiles' read models rebuilt").atMost(settleTime()).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    JsonNode status = api.get(ADMIN, "/api/learners/admin/rebuild");
                    return status.path("caughtUp").asBoolean()
                            && learnerRebuild.equals(status.path("lastRebuildStartedAt").asString());
                });
        await("analytics' state rebuilt").atMost(settleTime()).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonNode status = api.get(ADMIN, "/api/analytics/admin/rebuild");
            return "DONE".equals(status.path("state").asString()) && status.path("finishedAt").isString()
                    && Instant.parse(status.path("finishedAt").asString()).isAfter(started);
        });
        Instant rebuilt = Instant.now();
        // A rebuilding service may answer 503 with Retry-After until it has caught up.
        report.down("learner-profiles", started, rebuilt);
        report.down("analytics", started, rebuilt);
        Map<String, JsonNode> after = readModelAnswers(learners, asOf);

        List<String> differing = before.keySet().stream()
                .filter(path -> !sameAnswer(before.get(path), after.get(path))).toList();
        report.add(new RecoveryReport.Row("read models of learner-profiles and analytics rebuilt", Optional.empty(),
                0, 0, Optional.of(Duration.between(started, rebuilt)), null, String.format("rebuilt in %.1f s; %s",
                        Duration.between(started, rebuilt).toMillis() / 1000.0, differing.isEmpty()
                                ? before.size() + " answers (" + learners.size() + " learners) equal after it"
                                : "DIFFER after it: " + differing)));
        log.info("Read models rebuilt in {}; {} answers compared, differing: {}", Duration.between(started, rebuilt),
                before.size(), differing);
        differing.forEach(path -> log.warn("{} answered before the rebuild {}\nand after it {}", path,
                before.get(path), after.get(path)));

        assertThat(differing).as("answers that differ after the read models were rebuilt").isEmpty();
    }

    /**
     * Whether two answers are the same: the same fields, items and values, numbers equal to 1e-9 of their size.
     * Analytics keeps its score sums as running totals (a changed score is subtracted, the new one added), so a rebuild,
     * which adds the same scores in another order, can differ from them in the last bits of a mean.
     */
    private static boolean sameAnswer(JsonNode before, JsonNode after) {
        if (before == null || after == null) {
            return before == after;
        }
        if (before.isNumber() && after.isNumber()) {
            double a = before.asDouble();
            double b = after.asDouble();
            return Math.abs(a - b) <= 1e-9 * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
        }
        if (before.isContainer() && after.isContainer()) {
            if (before.isArray() != after.isArray() || before.size() != after.size()) {
                return false;
            }
            if (before.isArray()) {
                for (int i = 0; i < before.size(); i++) {
                    if (!sameAnswer(before.get(i), after.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            return before.propertyNames().stream().allMatch(name -> sameAnswer(before.get(name), after.get(name)));
        }
        return before.equals(after);
    }

    /**
     * What learner-profiles answers for each learner (evidence list, mastery as of {@code asOf}, profile with the
     * recorded mastery) and analytics' totals (evidence by source, capability as of {@code asOf}, each learner's
     * cells), by path; read side by side.
     */
    private Map<String, JsonNode> readModelAnswers(List<String> learners, Instant asOf) {
        List<String> paths = new ArrayList<>();
        for (String learner : learners) {
            paths.add("/api/learners/" + learner + "/evidence?limit=1000");
            paths.add("/api/learners/" + learner + "/mastery?asOf=" + asOf);
            paths.add("/api/learners/" + learner);
            paths.add("/api/analytics/learners/" + learner + "/mastery");
        }
        paths.add("/api/analytics/evidence/sources");
        paths.add("/api/analytics/capability?frameworkId=" + scenario.frameworkId() + "&frameworkVersion="
                + scenario.frameworkVersion() + "&asOf=" + asOf);
        Map<String, CompletableFuture<JsonNode>> answers = new LinkedHashMap<>();
        paths.forEach(path -> answers.put(path, CompletableFuture.supplyAsync(() -> api.get(ADMIN, path), faults)));
        Map<String, JsonNode> read = new LinkedHashMap<>();
        answers.forEach((path, answer) -> read.put(path, answer.join()));
        return read;
    }

    @Order(15)
    @Test
    void answersNothingButA503WithRetryAfter_whileAServiceIsDown_andRefusesNoValidWrite() {
        generator.quiesce(Duration.ofSeconds(60));
        List<GatewayClient.Answer> notAllowed = api.serverErrors().stream().filter(answer -> !report.allowed(answer))
                .toList();

        assertThat(notAllowed).as("5xx answers other than a 503 with Retry-After while a service was down")
                .isEmpty();
        assertThat(generator.refused()).as("valid writes answered 4xx").isEmpty();
    }

    /**
     * Skips the fault (and says so in the report) when less than {@code needed} of the time budget is left, keeping
     * {@link #REBUILD_TIME} for the rebuild of the read models at the end.
     */
    private void requireTime(String fault, Duration needed) {
        requireTime(fault, needed, REBUILD_TIME);
    }

    private void requireTime(String fault, Duration needed, Duration reserved) {
        Duration left = Duration.between(Instant.now(), deadline);
        boolean enough = left.minus(reserved).compareTo(needed) >= 0;
        String kept = reserved.isZero() ? "" : " (" + reserved.toSeconds() + " s of it kept for the rebuild)";
        if (!enough) {
            report.add(new RecoveryReport.Row(fault, Optional.empty(), 0, 0, Optional.empty(), null,
                    "SKIPPED: " + left.toSeconds() + " s of the time budget left" + kept + ", " + needed.toSeconds()
                            + " s needed"));
        }
        Assumptions.assumeTrue(enough, () -> fault + " skipped: only " + left.toSeconds()
                + " s of the time budget (faults.budget-seconds) left" + kept);
    }

    /** How long to wait for things to settle: {@link #SETTLE}, or what is left of the time budget (at least 15 s). */
    private Duration settleTime() {
        Duration left = Duration.between(Instant.now(), deadline).minusSeconds(5);
        return left.compareTo(SETTLE) > 0 ? SETTLE : left.compareTo(Duration.ofSeconds(15)) < 0
                ? Duration.ofSeconds(15) : left;
    }

    /**
     * A fault as the report shows it: what was done, the services it took down (whose paths may answer 503 meanwhile;
     * none: any path), when it began and how long they were down.
     */
    private record Fault(String label, List<String> services, Instant started, Optional<Duration> down, String note) {
    }

    /**
     * Stops the generator, waits until the invariants hold (at most {@link #SETTLE}) and adds a row per fault to the
     * report.
     */
    private Invariants.Outcome settle(List<Fault> settling) {
        boolean quiet;
        try {
            generator.quiesce(Duration.ofSeconds(60));
            quiet = true;
        } catch (ConditionTimeoutException e) {
            log.warn("Writes still unanswered after 60 s: checking the invariants all the same");
            quiet = false;
        }
        AtomicReference<Invariants.Outcome> last = new AtomicReference<>();
        AtomicReference<String> failure = new AtomicReference<>("");
        Optional<Instant> settled;
        try {
            await("the invariants").atMost(settleTime()).pollInterval(Duration.ofSeconds(1)).until(() -> {
                try {
                    last.set(Invariants.check(api, platform.kafkaBootstrapServers(), generator, COMMUNITY));
                    return last.get().holds();
                } catch (RuntimeException e) {
                    failure.set(e.getMessage());
                    return false;
                }
            });
            settled = Optional.of(Instant.now());
        } catch (ConditionTimeoutException e) {
            settled = Optional.empty();
        }
        Invariants.Outcome outcome = last.get() != null ? last.get()
                : new Invariants.Outcome(0, 0, 0, 0, 0, false, new MasteryChecks.Findings(0, 0, 0, 0, "", List.of()),
                        List.of("no check completed: " + failure.get()));
        if (!quiet) {
            List<String> problems = new ArrayList<>(outcome.problems());
            problems.add("writes answered 5xx or not at all were still unanswered 60 s after the load stopped");
            outcome = new Invariants.Outcome(outcome.evidence(), outcome.lost(), outcome.duplicates(),
                    outcome.voidsNotApplied(), outcome.countMismatches(), outcome.analyticsAgrees(), outcome.mastery(),
                    List.copyOf(problems));
        }
        for (Fault fault : settling) {
            int unavailable = 0;
            int other = 0;
            for (GatewayClient.Answer answer : api.serverErrors()) {
                boolean concerned = fault.services().isEmpty() || fault.services().contains(answer.service());
                if (concerned && !answer.at().isBefore(fault.started())) {
                    if (report.allowed(answer)) {
                        unavailable++;
                    } else {
                        other++;
                    }
                }
            }
            Optional<Duration> converged = settled.map(at -> Duration.between(fault.started(), at));
            report.add(new RecoveryReport.Row(fault.label(), fault.down(), unavailable, other, converged, outcome,
                    fault.note()));
            log.info("{}: down {}, settled {}, {}", fault.label(), fault.down().map(Duration::toString).orElse("-"),
                    converged.map(Duration::toString).orElse("never"), outcome);
        }
        if (!outcome.holds()) {
            log.warn("Invariants do not hold: {}", outcome.problems());
        }
        return outcome;
    }

    /** Runs the action on every service side by side and returns when all are done. */
    private void onEach(List<String> services, Consumer<String> action) {
        services.stream().map(service -> CompletableFuture.runAsync(() -> action.accept(service), faults)).toList()
                .forEach(CompletableFuture::join);
    }

    /** Poison records not (yet) in their topic's dead-letter topic with a reason header, by topic. */
    private Map<String, List<String>> missingFromDeadLetters(List<RecordWriter.Poison> poison) {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        Map<String, List<ConsumerRecord<String, byte[]>>> deadLetters = new LinkedHashMap<>();
        for (RecordWriter.Poison record : poison) {
            List<ConsumerRecord<String, byte[]>> letters = deadLetters.computeIfAbsent(record.topic(), topic ->
                    TopicReader.readAll(platform.kafkaBootstrapServers(), Topics.deadLetter(topic)));
            boolean found = letters.stream().anyMatch(letter -> record.key().equals(letter.key())
                    && TopicReader.header(letter, DLQ_REASON) != null
                    && !TopicReader.header(letter, DLQ_REASON).isBlank());
            if (!found) {
                missing.computeIfAbsent(record.topic(), topic -> new ArrayList<>()).add(record.kind());
            }
        }
        return missing;
    }

    /** Analytics' count of rejected records per topic, from its Prometheus endpoint. */
    private Map<String, Double> analyticsRejected() {
        String text = InstanceMeters.scrape(platform.service("analytics"));
        Map<String, Double> rejected = new LinkedHashMap<>();
        Matcher matcher = Pattern.compile("(?m)^analytics_events_rejected_total\\{[^}]*topic=\"([^\"]+)\"[^}]*} (\\S+)$")
                .matcher(text);
        while (matcher.find()) {
            rejected.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
        }
        return rejected;
    }

    /** The demo framework, and one xAPI activity aligned to each demo competency. */
    private EvidenceGenerator.Scenario alignActivities() {
        JsonNode framework = null;
        for (JsonNode candidate : api.get(AUTHOR, "/api/frameworks?code=" + FRAMEWORK_CODE)) {
            if (FRAMEWORK_CODE.equals(candidate.path("code").asString())
                    && candidate.path("publishedVersion").asInt() > 0) {
                framework = candidate;
            }
        }
        assertThat(framework).as("the demo framework").isNotNull();
        String frameworkId = framework.path("frameworkId").asString();
        int version = framework.path("publishedVersion").asInt();
        List<String> levels = new ArrayList<>();
        api.get(AUTHOR, "/api/frameworks/" + frameworkId + "/versions/" + version).path("content").path("scale")
                .path("levels").forEach(level -> levels.add(level.path("code").asString()));
        Map<String, String> activities = new LinkedHashMap<>();
        for (String competency : COMPETENCIES) {
            String activity = "https://faults.competency.example/activities/" + competency;
            await("assessments to align " + activity).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> api.send(AUTHOR, "POST", "/api/assessments/activity-alignments", Map.of(
                            "activityId", activity, "frameworkId", frameworkId, "frameworkVersion", version,
                            "competencyIds", List.of(competency))).ok());
            activities.put(competency, activity);
        }
        return new EvidenceGenerator.Scenario(LEARNERS, activities, frameworkId, version, levels, LEARNER_HOME_PAGE);
    }

    private void publishLearningResource() {
        String resourceId = api.call(AUTHOR, "POST", "/api/frameworks/learning-resources", Map.of(
                "title", "Recovering from failures " + UUID.randomUUID(),
                "url", "https://learning.example.com/courses/recovering-from-failures",
                "type", "COURSE", "duration", "PT1H", "frameworkId", scenario.frameworkId(),
                "competencies", List.of(Map.of("competencyId", COMPETENCIES.get(0), "targetLevel", "PROFICIENT"))))
                .path("resourceId").asString();
        api.call(AUTHOR, "POST", "/api/frameworks/learning-resources/" + resourceId + "/publication", null);
    }

    private String registerLearner() {
        String learnerId = UUID.randomUUID().toString();
        api.call(ADMIN, "POST", "/api/learners", Map.of("learnerId", learnerId, "displayName", "Noor Haddad",
                "email", "noor." + learnerId.substring(0, 8) + "@example.com",
                "organisationUnit", "Platform engineering"));
        return learnerId;
    }

    private Map<String, Object> statementFor(String learner, String competency, Instant at) {
        return Map.of(
                "actor", Map.of("objectType", "Agent", "account", Map.of("homePage", LEARNER_HOME_PAGE, "name", learner)),
                "verb", Map.of("id", "http://adlnet.gov/expapi/verbs/passed", "display", Map.of("en-US", "passed")),
                "object", Map.of("objectType", "Activity", "id", scenario.activityByCompetency().get(competency)),
                "result", Map.of("score", Map.of("scaled", 0.8), "success", true),
                "timestamp", at.truncatedTo(ChronoUnit.MILLIS).toString());
    }

    private static String demoId(String seed) {
        return uuid("demo:" + seed);
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Path repositoryRoot() {
        return Path.of(System.getProperty("faults.repository-root", "../..")).toAbsolutePath().normalize();
    }

    private static Path workDirectory() {
        return Path.of(System.getProperty("faults.work-dir", "target")).toAbsolutePath();
    }
}
