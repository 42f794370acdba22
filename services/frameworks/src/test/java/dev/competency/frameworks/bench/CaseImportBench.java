package dev.competency.frameworks.bench;

import dev.competency.contracts.EventTypes;
import dev.competency.contracts.Topics;
import dev.competency.frameworks.FrameworksApplication;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.RunningService;
import dev.competency.platform.test.ServiceHttp;
import dev.competency.platform.test.TestTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Measures the import of a CASE package end to end: the service runs on the embedded (or container) infrastructure,
 * the package is posted with {@code publish=true}, and the clock stops when {@code framework.published} is on the
 * broker. Then the same package again (no change) and a dry run. Arguments: the package file, and how many rounds
 * (default 3; the first includes the JVM's warm-up).
 */
public final class CaseImportBench {

    private static final Logger log = LoggerFactory.getLogger(CaseImportBench.class);

    private CaseImportBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("Usage: CaseImportBench <CASE package file> [rounds]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String pkg = Files.readString(file);
        try (RunningService service = RunningService.start(FrameworksApplication.class,
                "frameworks-bench-" + UUID.randomUUID().toString().substring(0, 8))) {
            for (int round = 1; round <= rounds; round++) {
                String copy = withDocumentIdentifier(pkg, UUID.randomUUID().toString());
                ServiceHttp author = new ServiceHttp(service.port()).bearer(TestTokens.token("author-bench", "AUTHOR"));
                long start = System.nanoTime();
                JsonNode report = author.expect(200, author.post("/api/frameworks/case/import?publish=true", copy));
                long imported = System.nanoTime();
                String frameworkId = report.path("frameworkId").asString();
                KafkaTestClient.awaitRecord(Topics.FRAMEWORKS, r -> frameworkId.equals(r.key())
                        && EventTypes.FRAMEWORK_PUBLISHED.equals(KafkaTestClient.header(r, "ce_type")));
                long onBroker = System.nanoTime();
                JsonNode again = author.expect(200, author.post("/api/frameworks/case/import?publish=true", copy));
                long reimported = System.nanoTime();
                author.expect(200, author.post("/api/frameworks/case/import?dryRun=true", copy));
                long dryRun = System.nanoTime();
                log.info("round {}: {} items created, {} warnings, {} errors; import+validate+publish {} ms, until"
                                + " framework.published on the broker {} ms; same package again {} ms ({} changed);"
                                + " dry run {} ms", round, report.path("created").size(),
                        report.path("warnings").size(), report.path("errors").size(), millis(start, imported),
                        millis(start, onBroker), millis(onBroker, reimported), again.path("changed").size(),
                        millis(reimported, dryRun));
            }
        }
        System.exit(0);
    }

    /** The same package under another CFDocument identifier, so that every round creates a new framework. */
    private static String withDocumentIdentifier(String pkg, String identifier) {
        JsonNode tree = ServiceHttp.JSON.readTree(pkg);
        ObjectNode document = (ObjectNode) tree.path("CFDocument");
        String old = document.path("identifier").asString();
        document.put("identifier", identifier);
        for (JsonNode association : tree.path("CFAssociations")) {
            if (old.equals(association.path("destinationNodeIdentifier").asString())) {
                ((ObjectNode) association).put("destinationNodeIdentifier", identifier);
            }
            if (old.equals(association.path("destinationNodeURI").path("identifier").asString())) {
                ((ObjectNode) association.path("destinationNodeURI")).put("identifier", identifier);
            }
        }
        return ServiceHttp.JSON.writeValueAsString(tree);
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
