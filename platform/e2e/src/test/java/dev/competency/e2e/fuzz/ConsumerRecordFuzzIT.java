package dev.competency.e2e.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.competency.e2e.platform.DemoOrganisation;
import dev.competency.e2e.platform.PlatformActivity;
import dev.competency.e2e.platform.PlatformApi;
import dev.competency.e2e.platform.PortalTest;
import dev.competency.e2e.platform.RunningPlatform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consumers of the public topics as a careless or hostile producer meets them: records shaped like every contract
 * event ({@link RecordCases}: the examples with the run's own ids, then a field removed, nulled, of another type, at a
 * boundary, an unknown enum value, an odd date-time, huge strings and records, bytes that are not JSON or not UTF-8,
 * CloudEvents headers missing or invalid, a key that is not the payload's, a {@code ce_id} used again for another
 * payload, events about learners and frameworks no one registered), written straight to the topics. Then every
 * consumer group of the services reaches the end of the topics it reads, every service stays up, each record that
 * breaks its contract lies in {@code <topic>.dlq} with its reason, no valid record does, and the read APIs answer no
 * 5xx.
 */
@PortalTest
@Tag("fuzz")
class ConsumerRecordFuzzIT {

    private static final Logger log = LoggerFactory.getLogger(ConsumerRecordFuzzIT.class);
    /** The seed {@code mvn verify} runs ({@link FuzzSeed}). */
    private static final long FIXED_SEED = 3038905633381320419L;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final int RECORDS = 300;
    private static final Duration CATCH_UP = Duration.ofSeconds(100);
    private static final List<String> SERVICES = List.of("frameworks", "assessments", "learner-profiles", "analytics");
    /** What the read APIs take in their path; operations with other path parameters are not read. */
    private static final Set<String> PATH_PARAMETERS = Set.of("learnerId", "frameworkId", "version",
            "competencyId");

    private static final String PROCESSED_ALTHOUGH_BROKEN = "processed although it breaks its contract";
    private static final String DEAD_LETTERED_ALTHOUGH_VALID = "dead-lettered although valid";

    /**
     * Records the consumers judge otherwise than the contract, for reasons not fixed yet (see the README's known
     * defects): such records are counted in the log with the description instead of failing the run. Remove an entry
     * once its defect is fixed.
     */
    private static final List<KnownConsumerDefect> KNOWN_DEFECTS = List.of(
            new KnownConsumerDefect(PROCESSED_ALTHOUGH_BROKEN,
                    "schema: /\\S+ (integer|number|unknown|boolean|string) found, (string|integer|number) expected",
                    "scalar coercion: the consumers read a number or boolean into a text field, a number into a "
                            + "date-time (as epoch seconds) and a fraction into an integer field (truncated)"),
            new KnownConsumerDefect(PROCESSED_ALTHOUGH_BROKEN, "schema: /\\S+ null found",
                    "null read as absent for an optional field, where the schema allows only its type "
                            + "(organisationUnit, mbox_sha1sum, roleProfileVersion)"),
            new KnownConsumerDefect(PROCESSED_ALTHOUGH_BROKEN, "date-time pattern",
                    "date-times that are not RFC 3339 read leniently: a trailing space, a year of more than four "
                            + "digits (+275760-09-13T00:00:00Z)"),
            new KnownConsumerDefect(PROCESSED_ALTHOUGH_BROKEN,
                    "does not have a value in the enumeration .* \\| \"[A-Z_]+ \"$",
                    "enum values with a trailing space read as the value: Jackson trims an enum's name before "
                            + "looking it up"),
            new KnownConsumerDefect(PROCESSED_ALTHOUGH_BROKEN,
                    "must be at least \\d+ characters long|does not match the \\w+ pattern",
                    "text fields' formats and lengths unchecked: an empty id where the schema asks for one "
                            + "character, a duration that is not ISO 8601"),
            new KnownConsumerDefect(DEAD_LETTERED_ALTHOUGH_VALID, "out of range of `int`",
                    "integers beyond 2147483647 in version fields: the schemas set no maximum, the records hold an "
                            + "int"),
            new KnownConsumerDefect(DEAD_LETTERED_ALTHOUGH_VALID,
                    "`java.time.Instant` from String \"[^\"]*\\.\\d{10,}",
                    "date-times with more than nine digits of fraction: RFC 3339 allows them, java.time does not "
                            + "read them"),
            new KnownConsumerDefect(DEAD_LETTERED_ALTHOUGH_VALID, "pointsTarget is set exactly when the rule is POINTS",
                    "parent-mastery.changed: the record requires pointsTarget exactly when the rule is POINTS, the "
                            + "schema does not say so"));

    /**
     * A defect: the check it shows in, a pattern found in what the check saw (the contract's reason and the new value
     * for a record processed although broken, the dead letters' reasons for a valid record dead-lettered), and what
     * is wrong.
     */
    record KnownConsumerDefect(String check, java.util.regex.Pattern seen, String description) {

        KnownConsumerDefect(String check, String seen, String description) {
            this(check, java.util.regex.Pattern.compile(seen), description);
        }

        boolean covers(String failedCheck, String evidence) {
            return check.equals(failedCheck) && seen.matcher(evidence).find();
        }
    }

    @TestFactory
    Stream<DynamicTest> deadLettersEveryBrokenRecordAndProcessesTheRest_whenContractRecordsAreFuzzed(
            RunningPlatform platform, PlatformActivity activity, PlatformApi api) {
        long seed = FuzzSeed.of("Consumer records", FIXED_SEED);
        int count = Integer.getInteger("e2e.fuzz.records", RECORDS);
        String run = Long.toHexString(seed).substring(0, Math.min(8, Long.toHexString(seed).length()));
        ContractShapes shapes = new ContractShapes();
        RecordCases generator = new RecordCases(shapes, new Random(seed), run);
        List<RecordCase> cases = generator.cases(count);
        Map<String, Long> poisonByKind = cases.stream().filter(record -> record.whyPoison().isPresent())
                .collect(Collectors.groupingBy(RecordCase::kind, TreeMap::new, Collectors.counting()));
        log.info("{} records ({} break their contract: {}), seed {}", cases.size(),
                cases.stream().filter(record -> record.whyPoison().isPresent()).count(), poisonByKind, seed);

        Outcome outcome = new Outcome();
        return Stream.of(
                DynamicTest.dynamicTest("writes the records", () -> {
                    try (TopicTraffic traffic = new TopicTraffic(platform.kafkaBootstrapServers())) {
                        outcome.written = traffic.write(cases);
                    }
                    log.info("Wrote {} records to {}", outcome.written.size(), ContractShapes.CONSUMED_TOPICS);
                }),
                DynamicTest.dynamicTest("every consumer group reads its topics to the end", () ->
                        awaitEveryGroupAtTheEnd(platform, activity, outcome, seed)),
                DynamicTest.dynamicTest("every service stays up", () -> checkServicesUp(platform)),
                DynamicTest.dynamicTest("each record that breaks its contract lies in the dead-letter topic with its "
                        + "reason", () -> checkPoisonDeadLettered(platform, cases, outcome, seed)),
                DynamicTest.dynamicTest("no valid record lies in the dead-letter topic", () ->
                        checkValidNotDeadLettered(cases, outcome, seed)),
                DynamicTest.dynamicTest("the read APIs answer no 5xx", () ->
                        checkReadApis(platform, api, generator, seed)));
    }

    /** What the steps pass on to the next. */
    private static final class Outcome {
        Map<Integer, TopicTraffic.Location> written = Map.of();
        Map<String, Set<String>> groups = Map.of();
        Map<TopicTraffic.Location, List<TopicTraffic.DeadLetter>> deadLetters;
    }

    private static void awaitEveryGroupAtTheEnd(RunningPlatform platform, PlatformActivity activity, Outcome outcome,
                                                long seed) {
        assertThat(outcome.written).as("records written").isNotEmpty();
        try (TopicTraffic traffic = new TopicTraffic(platform.kafkaBootstrapServers())) {
            outcome.groups = traffic.groupsReadingPublicTopics();
            log.info("Consumer groups of the public topics: {}", outcome.groups);
            Set<String> read = new HashSet<>();
            outcome.groups.values().forEach(read::addAll);
            assertThat(read).as("the public topics some consumer group reads").containsAll(ContractShapes.CONSUMED_TOPICS);
            AtomicReference<List<TopicTraffic.Lag>> last = new AtomicReference<>(List.of());
            AtomicReference<Optional<String>> lastIdle = new AtomicReference<>(Optional.empty());
            try {
                // No lag, and the platform idle at the same positions twice in a row: what the fuzz evidence caused
                // further on (mastery changes, folded by other groups) has been read too.
                await("every consumer group at the end of its topics").atMost(CATCH_UP)
                        .pollInterval(Duration.ofMillis(250)).until(() -> {
                            last.set(traffic.lags(traffic.groupsReadingPublicTopics()));
                            Optional<String> idle = activity.idle();
                            boolean settled = last.get().isEmpty() && idle.isPresent() && idle.equals(lastIdle.get());
                            lastIdle.set(idle);
                            return settled;
                        });
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("Consumer groups still behind after " + CATCH_UP + " (seed " + seed
                        + "): a stuck partition?\n  " + last.get().stream().map(Object::toString)
                        .collect(Collectors.joining("\n  ")) + "\nin flight: " + activity.inFlight()
                        + "\nservice logs: " + platform.logDirectory(), e);
            }
            outcome.deadLetters = traffic.deadLetters();
        }
    }

    private static void checkServicesUp(RunningPlatform platform) throws Exception {
        List<String> down = new ArrayList<>();
        for (Map.Entry<String, URI> service : platform.services().entrySet()) {
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(service.getValue()
                    .resolve("/actuator/health")).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String status = health.statusCode() == 200 ? JSON.readTree(health.body()).path("status").asString() : "";
            if (!"UP".equals(status)) {
                down.add(service.getKey() + ": " + health.statusCode() + " " + ContractShapes.abbreviate(health.body()));
            }
        }
        assertThat(down).as("services not UP after the fuzz records").isEmpty();
    }

    private static void checkPoisonDeadLettered(RunningPlatform platform, List<RecordCase> cases, Outcome outcome,
                                                long seed) {
        assertThat(outcome.deadLetters).as("the dead-letter topics, read once the groups were at the end").isNotNull();
        List<String> defects = new ArrayList<>();
        Map<String, Integer> known = new TreeMap<>();
        int poison = 0;
        for (RecordCase record : cases) {
            if (record.whyPoison().isEmpty()) {
                continue;
            }
            poison++;
            TopicTraffic.Location location = outcome.written.get(record.number());
            List<TopicTraffic.DeadLetter> letters = outcome.deadLetters.getOrDefault(location, List.of());
            Set<String> readers = groupsOf(outcome.groups, record.topic());
            Set<String> sentBy = letters.stream().map(TopicTraffic.DeadLetter::group).collect(Collectors.toSet());
            List<String> wrong = new ArrayList<>();
            if (letters.isEmpty()) {
                wrong.add("no dead letter although it breaks its contract (" + record.whyPoison().get() + ")");
            } else if (letters.stream().anyMatch(letter -> letter.reason().isBlank())) {
                wrong.add("a dead letter without " + TopicTraffic.EXCEPTION_MESSAGE + ": " + letters);
            }
            Set<String> accepting = new java.util.TreeSet<>(readers);
            accepting.removeAll(sentBy);
            if (!letters.isEmpty() && !accepting.isEmpty()) {
                wrong.add("processed by " + accepting + " although it breaks its contract ("
                        + record.whyPoison().get() + "); dead-lettered by " + sentBy);
            }
            if (!wrong.isEmpty()) {
                report(PROCESSED_ALTHOUGH_BROKEN, record, location, record.whyPoison().get() + " | "
                        + record.changedTo(), wrong, defects, known);
            }
        }
        Map<String, String> sampleReasons = new TreeMap<>();
        outcome.deadLetters.values().forEach(letters -> letters.forEach(letter ->
                sampleReasons.putIfAbsent(letter.group(), letter.reason())));
        log.info("A dead letter's reason per group: {}", sampleReasons);
        log.info("{} records breaking their contract checked against the dead-letter topics; known defects: {}",
                poison, known);
        assertThat(defects).as("records breaking their contract that the consumers did not dead-letter (seed %d, "
                + "replay with -De2e.fuzz.seed=%d; logs in %s)", seed, seed, platform.logDirectory()).isEmpty();
    }

    private static void checkValidNotDeadLettered(List<RecordCase> cases, Outcome outcome, long seed) {
        assertThat(outcome.deadLetters).as("the dead-letter topics, read once the groups were at the end").isNotNull();
        List<String> defects = new ArrayList<>();
        Map<String, Integer> known = new TreeMap<>();
        int valid = 0;
        for (RecordCase record : cases) {
            if (record.whyPoison().isPresent()) {
                continue;
            }
            valid++;
            TopicTraffic.Location location = outcome.written.get(record.number());
            List<TopicTraffic.DeadLetter> letters = outcome.deadLetters.getOrDefault(location, List.of());
            if (!letters.isEmpty()) {
                List<String> reasons = letters.stream()
                        .map(letter -> letter.group() + ": " + ContractShapes.ending(letter.reason())).toList();
                report(DEAD_LETTERED_ALTHOUGH_VALID, record, location, String.join(" | ", reasons), reasons, defects,
                        known);
            }
        }
        log.info("{} valid records checked against the dead-letter topics; known defects: {}", valid, known);
        assertThat(valid).as("valid records among the cases").isPositive();
        assertThat(defects).as("valid records that a consumer dead-lettered (seed %d, replay with -De2e.fuzz.seed=%d)",
                seed, seed).isEmpty();
    }

    private static void report(String check, RecordCase record, TopicTraffic.Location location, String evidence,
                               List<String> wrong, List<String> defects, Map<String, Integer> known) {
        KNOWN_DEFECTS.stream().filter(defect -> defect.covers(check, evidence)).findFirst().ifPresentOrElse(
                defect -> known.merge(defect.description(), 1, Integer::sum),
                () -> defects.add(record.detail() + " at " + location + ":\n      " + String.join("\n      ", wrong)));
    }

    private static Set<String> groupsOf(Map<String, Set<String>> groups, String topic) {
        return groups.entrySet().stream().filter(group -> group.getValue().contains(topic)).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /**
     * Every GET of the services' OpenAPI documents whose path takes at most a learner, a framework, a version and a
     * competency, sent through the gateway as the administrator with the run's ids: none may answer a 5xx (but a 503
     * whose problem says the read model is behind).
     */
    private static void checkReadApis(RunningPlatform platform, PlatformApi api, RecordCases generator, long seed) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("learnerId", generator.learners().get(0));
        values.put("frameworkId", generator.frameworks().get(0));
        values.put("version", "1");
        values.put("competencyId", DemoOrganisation.DESIGNS_APIS);
        Map<String, String> headers = new LinkedHashMap<>(FuzzRun.bearer(api, DemoOrganisation.ADMIN));
        headers.put(FuzzRun.XAPI_VERSION, "2.0.0");
        List<String> broken = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int sent = 0;
        for (String service : SERVICES) {
            RawCall.Answer document = new RawCall("GET", "/v3/api-docs/" + service, Map.of(), null)
                    .sendTo(platform.gateway());
            assertThat(document.status()).as("GET /v3/api-docs/" + service).isEqualTo(200);
            for (String path : readPaths(JSON.readTree(document.body()))) {
                String filled = path;
                for (Map.Entry<String, String> value : values.entrySet()) {
                    filled = filled.replace("{" + value.getKey() + "}", CaseGenerator.encode(value.getValue()));
                }
                String concrete = filled;
                RawCall.Answer answer = new RawCall("GET", concrete, headers, null).sendTo(platform.gateway());
                sent++;
                statuses.merge(answer.status(), 1, Integer::sum);
                FuzzCase probe = new FuzzCase("read after the consumer fuzzing",
                        new RawCall("GET", concrete, headers, null), FuzzCase.Kind.VALID, null);
                AnswerRules.broken(probe, answer, false).stream().filter(rule -> rule.contains("server error"))
                        .forEach(rule -> broken.add("GET " + concrete + ": " + rule + ": " + answer));
            }
        }
        log.info("Read {} GET operations after the consumer fuzzing: {}", sent, statuses);
        assertThat(sent).as("GET operations read").isPositive();
        assertThat(broken).as("read APIs answering a 5xx after the consumer fuzzing (seed %d)", seed).isEmpty();
    }

    /** The GET paths of an OpenAPI document that take no path parameter but those the run has values for. */
    private static List<String> readPaths(JsonNode document) {
        List<String> paths = new ArrayList<>();
        for (var path : document.path("paths").properties()) {
            if (!path.getValue().has("get")) {
                continue;
            }
            boolean readable = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path.getKey()).results()
                    .allMatch(match -> PATH_PARAMETERS.contains(match.group(1)));
            boolean requiredQuery = false;
            for (JsonNode parameter : path.getValue().path("get").path("parameters")) {
                JsonNode resolved = WriteOperation.resolve(document, parameter);
                requiredQuery |= "query".equals(resolved.path("in").asString())
                        && resolved.path("required").asBoolean(false);
            }
            if (readable && !requiredQuery && !path.getKey().toLowerCase(Locale.ROOT).contains("/admin/")) {
                paths.add(path.getKey());
            }
        }
        return paths;
    }
}
