package dev.competency.e2e.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.e2e.platform.DemoOrganisation;
import dev.competency.e2e.platform.PlatformActivity;
import dev.competency.e2e.platform.PlatformApi;
import dev.competency.e2e.platform.PortalTest;
import dev.competency.e2e.platform.RunningPlatform;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The xAPI Statements resource as an activity provider meets it: {@code PUT} and {@code POST /xapi/statements} with
 * {@code X-Experience-API-Version} and the HTTP Basic credentials of a client an administrator registered (and a few
 * cases with an administrator's bearer token), sent valid and broken statements ({@link StatementCases}). No answer may
 * be a 5xx, every 4xx is a problem detail naming the broken property where one was broken, and a refused request
 * stores none of its statements: each of its ids still reads 404 (or, for a re-used id, the statement stored before)
 * and the statements stored since the run began are the same before and after.
 */
@PortalTest
@Tag("fuzz")
class XapiStatementsFuzzIT {

    private static final Logger log = LoggerFactory.getLogger(XapiStatementsFuzzIT.class);
    /** The seed {@code mvn verify} runs ({@link FuzzSeed}). */
    private static final long FIXED_SEED = -6372227809270698847L;
    private static final int CASES_PER_METHOD = 30;

    @TestFactory
    Stream<DynamicNode> refusesBrokenStatementsWithAProblemAndStoresNoneOfThem_whenStatementsAreFuzzed(
            RunningPlatform platform, PlatformActivity activity, PlatformApi api) {
        return statementCases(platform.gateway(), activity, api, platform.sharedData());
    }

    /** The cases against the platform at {@code gateway}, valid statements drawn also from {@code sharedData}. */
    Stream<DynamicNode> statementCases(URI gateway, PlatformActivity activity, PlatformApi api,
                                       java.nio.file.Path sharedData) {
        long seed = FuzzSeed.of("xAPI statements", FIXED_SEED);
        int count = FuzzSeed.casesPerOperation(CASES_PER_METHOD);
        Instant since = Instant.now().minus(1, ChronoUnit.SECONDS);
        JsonNode client = api.call(DemoOrganisation.ADMIN, "POST", "/api/assessments/xapi-clients",
                Map.of("name", "Fuzz activity provider"));
        Map<String, String> basic = Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (client.path("key").asString() + ":" + client.path("secret").asString())
                        .getBytes(StandardCharsets.UTF_8)));
        Map<String, String> admin = FuzzRun.bearer(api, DemoOrganisation.ADMIN);
        List<JsonNode> samples = StatementCases.samples(
                sharedData.resolve("xapi/datasim-tccc_dev-statements.json"), 50);
        log.info("{} real sample statements to start valid ones from", samples.size());

        StatementCases first = new StatementCases(new Random(seed), basic, samples, null);
        var stored = first.statement();
        RawCall.Answer storedAnswer = new RawCall("PUT", "/xapi/statements?statementId="
                + stored.path("id").asString(), Map.of("Authorization", basic.get("Authorization"),
                FuzzRun.XAPI_VERSION, "2.0.0", "Content-Type", "application/json"),
                stored.toString().getBytes(StandardCharsets.UTF_8)).sendTo(gateway);
        assertThat(storedAnswer.status()).as("the statement stored before the run: %s", storedAnswer).isEqualTo(204);
        String storedId = stored.path("id").asString();
        StoredState state = new StoredState(gateway, activity, admin, "");
        // The read-back sees a stored statement, so an unchanged reading after a refused request means something.
        assertThat(state.settled(List.of("/xapi/statements?statementId=" + storedId),
                Map.of(FuzzRun.XAPI_VERSION, "2.0.0")).answers().values())
                .as("the statement stored before the run, read back").allMatch(answer -> answer.startsWith("200 "));

        Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        long started = System.nanoTime();
        List<DynamicNode> groups = new ArrayList<>();
        for (String method : List.of("PUT", "POST")) {
            StatementCases cases = new StatementCases(new Random(seed ^ method.hashCode()), basic, samples, storedId);
            groups.add(group(method + " /xapi/statements as an activity provider", gateway, state, since, seed,
                    statuses, () -> cases.cases(method, count)));
        }
        StatementCases asAdmin = new StatementCases(new Random(seed ^ 7), admin, samples, storedId);
        groups.add(group("POST /xapi/statements as an administrator", gateway, state, since, seed, statuses,
                () -> asAdmin.cases("POST", count / 3)));
        return Stream.concat(groups.stream(), Stream.of(DynamicTest.dynamicTest("summary", () ->
                log.info("xAPI statements fuzzed in {} s (seed {}): {}", FuzzRun.elapsedSince(started).toSeconds(),
                        seed, statuses))));
    }

    private static DynamicContainer group(String name, URI gateway, StoredState state, Instant since, long seed,
                                          Map<String, Map<Integer, Integer>> statuses,
                                          java.util.function.Supplier<List<StatementCases.StatementCase>> cases) {
        boolean[] lastAccepted = {true};
        return DynamicContainer.dynamicContainer(name, Stream.of(name).flatMap(n -> cases.get().stream()
                .map(statementCase -> DynamicTest.dynamicTest(statementCase.fuzzCase().name(), () -> {
                    FuzzCase fuzzCase = statementCase.fuzzCase();
                    KnownDefects.of(name.substring(0, name.indexOf(" as ")), fuzzCase.name()).ifPresent(defect ->
                            Assumptions.abort("Known defect, not sent: " + defect.description()));
                    List<String> probes = new ArrayList<>();
                    probes.add("/xapi/statements?format=ids&limit=500&since=" + since);
                    statementCase.statementIds().forEach(id ->
                            probes.add("/xapi/statements?statementId=" + CaseGenerator.encode(id)));
                    Map<String, String> version = Map.of(FuzzRun.XAPI_VERSION, "2.0.0");
                    StoredState.Reading before = lastAccepted[0] ? state.settled(probes, version)
                            : state.read(probes, version);
                    RawCall.Answer answer = fuzzCase.call().sendTo(gateway);
                    statuses.computeIfAbsent(n, key -> new TreeMap<>()).merge(answer.status(), 1, Integer::sum);
                    List<String> broken = new ArrayList<>(AnswerRules.broken(fuzzCase, answer, true));
                    lastAccepted[0] = answer.status() / 100 == 2;
                    if (answer.status() >= 400 && answer.status() < 500) {
                        List<String> changed = state.read(probes, version).differencesFrom(before);
                        if (!changed.isEmpty()) {
                            broken.add("stored something although it answered " + answer.status() + ":\n  "
                                    + String.join("\n  ", changed));
                        }
                    }
                    assertThat(broken).as("%s, case '%s' (seed %d)%n  request: %s%n  answer:  %s", n,
                            fuzzCase.name(), seed, fuzzCase.call().describe(), answer).isEmpty();
                }))));
    }
}
