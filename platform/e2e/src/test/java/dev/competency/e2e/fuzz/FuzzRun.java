package dev.competency.e2e.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.e2e.platform.DemoOrganisation;
import dev.competency.e2e.platform.PlatformActivity;
import dev.competency.e2e.platform.PlatformApi;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The fuzzing of write operations against the running platform: what the run owns (a learner, a draft framework, the
 * ids its successful creations answered), the values valid calls take, the caller each operation is sent by, and the
 * check of every case (answer rules, then nothing stored on a 4xx). One instance per test class run; operations are
 * fuzzed one after the other, each with a {@link Random} seeded from the run's seed and the operation, so a failing
 * case comes back with the same seed.
 */
final class FuzzRun {

    private static final Logger log = LoggerFactory.getLogger(FuzzRun.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Who may send a write: the administrator first, then the roles an operation may need instead. */
    private static final List<String> CALLERS = List.of(DemoOrganisation.ADMIN, DemoOrganisation.AUTHOR,
            DemoOrganisation.ASSESSOR, DemoOrganisation.MANAGER);
    static final String XAPI_VERSION = "X-Experience-API-Version";

    private final URI gateway;
    private final PlatformApi api;
    private final long seed;
    private final KnownValues known = new KnownValues();
    private final StoredState stored;
    private final String fuzzLearner;
    private final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();

    private FuzzRun(URI gateway, PlatformActivity activity, PlatformApi api, long seed, String fuzzLearner) {
        this.gateway = gateway;
        this.api = api;
        this.seed = seed;
        this.fuzzLearner = fuzzLearner;
        this.stored = new StoredState(gateway, activity, bearer(api, DemoOrganisation.ADMIN), fuzzLearner);
    }

    /**
     * Registers the run's learner (in its own organisation unit) and draft framework, and sets the values valid calls
     * take: the demo framework's published version and competency as references, the run's own unit, team and codes.
     */
    static FuzzRun prepare(URI gateway, PlatformActivity activity, PlatformApi api, long seed,
                           java.nio.file.Path sharedData) {
        // Codes and ids are unique in the organisation: a replay against the same platform must not collide.
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
        String learner = "fuzz-learner-" + UUID.randomUUID();
        FuzzRun fuzz = new FuzzRun(gateway, activity, api, seed, learner);
        api.call(DemoOrganisation.ADMIN, "POST", "/api/learners", Map.of("learnerId", learner,
                "displayName", "Fuzz learner", "email", learner + "@example.org", "organisationUnit", "Fuzz unit"));
        JsonNode framework = api.call(DemoOrganisation.AUTHOR, "POST", "/api/frameworks",
                Map.of("code", "FZ" + run, "title", "Fuzz framework"));
        PlatformApi.PublishedFramework demo = api.demoFramework();
        AtomicInteger codes = new AtomicInteger();
        String targetLevel = demo.levelLabels().containsKey("PROFICIENT") ? "PROFICIENT"
                : demo.levelLabels().keySet().iterator().next();
        // A draft's valid content: the demo framework's published one (codes are unique per framework only).
        fuzz.known.reference("body of PUT /api/frameworks/{frameworkId}/draft", api.get(DemoOrganisation.AUTHOR,
                "/api/frameworks/" + demo.frameworkId() + "/versions/" + demo.version()).path("content"));
        fuzz.importSamples(sharedData);
        // An assessment's valid definition: the demo quiz's (the run's assessments are quizzes, the first kind).
        for (JsonNode quiz : api.get(DemoOrganisation.AUTHOR, "/api/assessments?status=PUBLISHED&kind=QUIZ&limit=1")) {
            fuzz.known.reference("body of PUT /api/assessments/{assessmentId}/definition",
                    quiz.path("published").path("definition"));
        }
        fuzz.known
                .owned("learnerId", learner)
                .owned("frameworkId", framework.path("frameworkId").asString())
                .reference("learnerId", learner)
                .reference("frameworkId", demo.frameworkId())
                .reference("frameworkVersion", NODES.numberNode(demo.version()))
                .reference("version", NODES.numberNode(demo.version()))
                .reference("competencyId", DemoOrganisation.DESIGNS_APIS)
                .reference("level", demo.levelLabels().keySet().iterator().next())
                .reference("organisationUnit", "Fuzz unit")
                .reference("teamId", "fuzz-team-" + Long.toHexString(seed))
                .reference("managerId", "fuzz-manager")
                .reference("code", () -> NODES.stringNode("FZ" + run + "-" + codes.incrementAndGet()))
                .reference("email", () -> NODES.stringNode("fuzz" + codes.incrementAndGet() + "@example.org"))
                .reference("url", () -> NODES.stringNode("https://example.org/fuzz/" + codes.incrementAndGet()))
                .reference("activityId", () -> NODES.stringNode("https://example.org/fuzz/activity/"
                        + codes.incrementAndGet()))
                .reference("targetLevel", targetLevel)
                // Community: discussions on the demo competency, without mentions (a mention must name a person of
                // the writer's unit, which a generated id never is); challenges over the run's own team, running now.
                .reference("subjectId", DemoOrganisation.DESIGNS_APIS)
                .reference("mentions", NODES.arrayNode())
                .reference("groupId", "fuzz-team-" + Long.toHexString(seed))
                .reference("competencyIds", NODES.arrayNode().add(DemoOrganisation.DESIGNS_APIS))
                .reference("startsAt", () -> NODES.stringNode(java.time.Instant.now().toString()))
                .reference("endsAt", () -> NODES.stringNode(java.time.Instant.now().plus(Duration.ofDays(30))
                        .toString()))
                .reference("duration", "PT1H")
                .reference("parameters of /xapi/activities/state", () -> NODES.objectNode()
                        .put("activityId", "https://example.org/fuzz/activity/1")
                        .put("agent", "{\"mbox\":\"mailto:fuzz@example.org\"}")
                        .put("stateId", "fuzz-state-" + codes.incrementAndGet()))
                .reference("parameters of /xapi/activities/profile", () -> NODES.objectNode()
                        .put("activityId", "https://example.org/fuzz/activity/1")
                        .put("profileId", "fuzz-profile-" + codes.incrementAndGet()))
                .reference("parameters of /xapi/agents/profile", () -> NODES.objectNode()
                        .put("agent", "{\"mbox\":\"mailto:fuzz@example.org\"}")
                        .put("profileId", "fuzz-profile-" + codes.incrementAndGet()));
        return fuzz;
    }

    /**
     * Valid import bodies from the real third-party samples beside the repository, when they are there (imports are
     * then sent as dry runs, which store nothing); without them the imports get generated bodies only.
     */
    private void importSamples(java.nio.file.Path sharedData) {
        java.nio.file.Path casePackage = sharedData.resolve("case-v1p0-act-holistic-math-subset.json");
        java.nio.file.Path esco = sharedData.resolve("esco-1.2.0-digitalSkillsCollection_en.csv");
        known.reference("dryRun", NODES.booleanNode(true));
        try {
            if (java.nio.file.Files.isRegularFile(casePackage)) {
                known.reference("body of POST /api/frameworks/case/import",
                        JSON.readTree(java.nio.file.Files.readString(casePackage)));
            }
            if (java.nio.file.Files.isRegularFile(esco)) {
                known.reference("body of POST /api/frameworks/esco/import",
                        NODES.stringNode(firstRecords(java.nio.file.Files.readString(esco), 30)));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read the import samples in " + sharedData, e);
        }
        if (!java.nio.file.Files.isRegularFile(casePackage) || !java.nio.file.Files.isRegularFile(esco)) {
            log.info("No import samples in {}: the CASE and ESCO imports are fuzzed from generated bodies", sharedData);
        }
    }

    /** The header and the first {@code count} records of a CSV whose quoted fields may span lines. */
    static String firstRecords(String csv, int count) {
        StringBuilder text = new StringBuilder();
        int records = -1;
        int quotes = 0;
        for (String line : csv.split("\n", -1)) {
            text.append(line).append('\n');
            quotes += (int) line.chars().filter(c -> c == '"').count();
            if (quotes % 2 == 0 && ++records >= count) {
                break;
            }
        }
        return text.toString();
    }

    static Map<String, String> bearer(PlatformApi api, String username) {
        return Map.of("Authorization", "Bearer " + api.token(username));
    }

    /** Every write operation of the services' OpenAPI documents, read through the gateway. */
    static List<WriteOperation> discover(URI gateway, List<String> services) {
        List<WriteOperation> operations = new ArrayList<>();
        for (String service : services) {
            RawCall.Answer document = new RawCall("GET", "/v3/api-docs/" + service, Map.of(), null).sendTo(gateway);
            assertThat(document.status()).as("GET /v3/api-docs/" + service).isEqualTo(200);
            operations.addAll(WriteOperation.readAll(service, document.body()));
        }
        return operations;
    }

    /** The cases of one operation, as tests that run one after the other. */
    Stream<DynamicNode> casesOf(WriteOperation operation, int count) {
        Random random = new Random(seed ^ operation.key().hashCode());
        KnownValues values = operation.key().equals("POST /api/learners") ? known.without("learnerId") : known;
        Map<String, String> extra = operation.path().startsWith("/xapi/") ? Map.of(XAPI_VERSION, "2.0.0") : Map.of();
        OperationState state = new OperationState(operation, extra);
        String caller = chooseCaller(operation, values, seed, extra);
        Map<String, String> headers = new LinkedHashMap<>(bearer(api, caller));
        headers.putAll(extra);
        List<FuzzCase> cases = new CaseGenerator(operation, values, random, headers).cases(count);
        log.info("{}: {} cases as {}", operation, cases.size(), caller);
        return cases.stream().map(fuzzCase -> DynamicTest.dynamicTest(fuzzCase.name(),
                () -> state.check(fuzzCase)));
    }

    /**
     * The first account whose valid request is not refused with 403: the administrator, or the role the operation
     * needs instead. (The valid request is sent again as the operation's first case.)
     */
    private String chooseCaller(WriteOperation operation, KnownValues values, long seed,
                                Map<String, String> extra) {
        for (String caller : CALLERS) {
            Map<String, String> headers = new LinkedHashMap<>(bearer(api, caller));
            headers.putAll(extra);
            FuzzCase probe = new CaseGenerator(operation, values, new Random(seed), headers)
                    .valid("choosing the caller");
            RawCall.Answer answer = probe.call().sendTo(gateway);
            if (answer.status() != 403) {
                if (answer.status() / 100 == 2) {
                    known.learnFrom(parse(answer.body()));
                }
                return caller;
            }
        }
        return CALLERS.get(0);
    }

    /**
     * That the read-back can see a change at all: a framework created (by the API, outside the fuzz cases) shows in
     * the frameworks family's reading, so an unchanged reading after a refused request means something.
     */
    void checkReadBackSeesAStoredChange(WriteOperation frameworkCreation) {
        FuzzCase probeCase = new CaseGenerator(frameworkCreation, known, new Random(seed), Map.of()).valid("probe");
        List<String> probes = stored.probesFor(frameworkCreation, probeCase);
        StoredState.Reading before = stored.read(probes, Map.of());
        api.call(DemoOrganisation.AUTHOR, "POST", "/api/frameworks", Map.of("code", "FZ-READ-BACK-"
                + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT),
                "title", "Fuzz read-back check"));
        assertThat(stored.settled(probes, Map.of()).differencesFrom(before))
                .as("what %s reads after a framework was created", probes).isNotEmpty();
    }

    /** What the run saw: per operation, how many cases answered each status. */
    String summary() {
        StringBuilder text = new StringBuilder();
        int total = statuses.values().stream().mapToInt(byStatus -> byStatus.values().stream()
                .mapToInt(Integer::intValue).sum()).sum();
        text.append(String.format("%d cases over %d operations (seed %d)%n", total, statuses.size(), seed));
        statuses.forEach((operation, byStatus) -> text.append("  ").append(operation).append(' ').append(byStatus)
                .append(System.lineSeparator()));
        return text.toString();
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return NODES.objectNode();
        }
    }

    /** The cases of one operation share whether the valid request passed the body's rules and what came before. */
    private final class OperationState {

        private final WriteOperation operation;
        private final Map<String, String> extra;
        private Integer validStatus;
        private boolean lastAccepted = true;

        OperationState(WriteOperation operation, Map<String, String> extra) {
            this.operation = operation;
            this.extra = extra;
        }

        void check(FuzzCase fuzzCase) {
            KnownDefects.of(operation.key(), fuzzCase.name()).ifPresent(defect ->
                    Assumptions.abort("Known defect, not sent: " + defect.description()));
            List<String> probes = stored.probesFor(operation, fuzzCase);
            StoredState.Reading before = lastAccepted ? stored.settled(probes, extra) : stored.read(probes, extra);
            RawCall.Answer answer = fuzzCase.call().sendTo(gateway);
            statuses.computeIfAbsent(operation.key(), key -> new TreeMap<>()).merge(answer.status(), 1, Integer::sum);
            if (fuzzCase.kind() == FuzzCase.Kind.VALID) {
                log.info("{} {}: {} -> {}", operation, fuzzCase.name(), fuzzCase.call().describe(), answer);
                if (validStatus == null) {
                    validStatus = answer.status();
                }
            }
            boolean mustName = validStatus != null && validStatus != 400 && validStatus < 500;
            List<String> broken = new ArrayList<>(AnswerRules.broken(fuzzCase, answer, mustName));
            lastAccepted = answer.status() / 100 == 2;
            if (lastAccepted) {
                known.learnFrom(parse(answer.body()));
            } else if (answer.status() >= 400 && answer.status() < 500) {
                List<String> changed = stored.read(probes, extra).differencesFrom(before);
                if (!changed.isEmpty()) {
                    broken.add("stored something although it answered " + answer.status() + ":\n  "
                            + String.join("\n  ", changed));
                }
            }
            assertThat(broken).as("%s, case '%s' (seed %d)%n  request: %s%n  answer:  %s", operation, fuzzCase.name(),
                    seed, fuzzCase.call().describe(), answer).isEmpty();
        }
    }

    static Duration elapsedSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
