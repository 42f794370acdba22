package dev.competency.e2e.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.e2e.platform.PlatformActivity;
import dev.competency.e2e.platform.PlatformApi;
import dev.competency.e2e.platform.PortalTest;
import dev.competency.e2e.platform.RunningPlatform;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every POST, PUT, PATCH and DELETE of the five services' OpenAPI documents, sent through the gateway as a caller
 * allowed to make it: the valid request, then mutations of its body and parameters ({@link CaseGenerator}). No answer
 * may be a 5xx (a 503 only with {@code Retry-After} and a read-model-behind or unavailable type), every 4xx must be a
 * problem detail naming the mutated field or parameter where it is a 400, and after every 4xx the read endpoint of the
 * resource family must show what it showed before ({@link StoredState}).
 */
@PortalTest
@Tag("fuzz")
class WriteEndpointFuzzIT {

    private static final Logger log = LoggerFactory.getLogger(WriteEndpointFuzzIT.class);
    /** The seed {@code mvn verify} runs ({@link FuzzSeed}). */
    private static final long FIXED_SEED = 511092868778205244L;
    private static final List<String> SERVICES = List.of("frameworks", "assessments", "learner-profiles", "analytics",
            "community");
    /** Operations not sent here, and why. */
    static final Map<String, String> NOT_SENT = Map.of(
            "/admin/rebuild", "drops and rebuilds the service's read models, which the other tests of the run read "
                    + "(each service's own rebuild tests cover it)",
            "/xapi/statements", "fuzzed with statements and an activity provider's credentials by "
                    + "XapiStatementsFuzzIT");
    private static final int CASES_PER_OPERATION = 16;

    @TestFactory
    Stream<DynamicNode> answersEveryMutatedWriteWithAProblemAndStoresNothing_whenEveryWriteOperationIsFuzzed(
            RunningPlatform platform, PlatformActivity activity, PlatformApi api) {
        long seed = FuzzSeed.of("Write operations", FIXED_SEED);
        int count = FuzzSeed.casesPerOperation(CASES_PER_OPERATION);
        List<WriteOperation> all = FuzzRun.discover(platform.gateway(), SERVICES);
        List<WriteOperation> sent = new ArrayList<>();
        for (WriteOperation operation : all) {
            NOT_SENT.keySet().stream().filter(operation.path()::contains).findFirst().ifPresentOrElse(
                    reason -> log.info("Not sent: {} ({})", operation, NOT_SENT.get(reason)),
                    () -> sent.add(operation));
        }
        assertThat(sent).as("write operations in the API documents").hasSizeGreaterThan(30);
        // Creations before their sub-resources; erasures and revocations last, after everything that uses what they
        // remove.
        sent.sort(Comparator.comparing((WriteOperation operation) -> operation.method().equals("DELETE"))
                .thenComparing(WriteOperation::path).thenComparing(WriteOperation::method));
        log.info("Fuzzing {} write operations ({} documented), {} cases each", sent.size(), all.size(), count);
        long started = System.nanoTime();
        FuzzRun run = FuzzRun.prepare(platform.gateway(), activity, api, seed, platform.sharedData());
        DynamicTest readBack = DynamicTest.dynamicTest("the read-back sees a stored framework", () ->
                run.checkReadBackSeesAStoredChange(sent.stream()
                        .filter(operation -> operation.key().equals("POST /api/frameworks")).findFirst()
                        .orElseThrow()));
        Stream<DynamicNode> operations = sent.stream().map(operation -> DynamicContainer.dynamicContainer(
                operation.toString(), Stream.of(operation).flatMap(o -> run.casesOf(o, count))));
        DynamicTest summary = DynamicTest.dynamicTest("summary", () -> log.info("Write operations fuzzed in {} s: {}",
                FuzzRun.elapsedSince(started).toSeconds(), run.summary()));
        return Stream.of(Stream.<DynamicNode>of(readBack), operations, Stream.<DynamicNode>of(summary))
                .flatMap(nodes -> nodes);
    }
}
