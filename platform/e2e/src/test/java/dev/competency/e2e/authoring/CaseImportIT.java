package dev.competency.e2e.authoring;

import static dev.competency.e2e.platform.DemoOrganisation.AUTHOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.competency.e2e.browser.Portal;
import dev.competency.e2e.platform.PlatformApi;
import dev.competency.e2e.platform.PortalTest;
import dev.competency.e2e.platform.RunningPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An author imports the Common Core mathematics sample (a real, pre-1.0 CASE export with 703 items) in the portal:
 * a dry run first, whose report a person reads, then the import, then the publication.
 */
@PortalTest
class CaseImportIT {

    private static final String SAMPLE = "case-ccss-math-opensalt-sample.json";
    private static final String TITLE = "Common Core State Standards for Mathematics";
    private static final Pattern DRY_RUN = Pattern.compile("dry run|check", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMPORT = Pattern.compile("^import\\b(?!.*dry)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PUBLISH = Pattern.compile("^publish\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONFIRM = Pattern.compile("^(yes|confirm|publish)\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void publishesTheCcssSample_afterADryRunReport(Portal portal, PlatformApi api, RunningPlatform platform) {
        Path sample = platform.sharedData().resolve(SAMPLE);
        assumeTrue(Files.isRegularFile(sample), "The CCSS sample is read from " + sample
                + " (the shared real-world data beside the repository); it is not part of the repository");
        assertThat(publishedVersion(api)).as("not imported before").isEmpty();
        int items = api.postFile(AUTHOR, "/api/frameworks/case/import?dryRun=true", sample, "application/json")
                .json().path("created").size();
        assertThat(items).as("competencies a dry run of the sample would create").isGreaterThan(700);

        portal.signInAs(AUTHOR, "Frameworks");
        portal.follow(Pattern.compile("import", Pattern.CASE_INSENSITIVE)).awaitHeading("Import a CASE package");
        portal.upload(Pattern.compile("case|file|package", Pattern.CASE_INSENSITIVE), sample);
        portal.press(DRY_RUN);
        portal.awaitText(TITLE).awaitText(String.valueOf(items));
        assertThat(publishedVersion(api)).as("a dry run stores nothing").isEmpty();
        assertThat(frameworkWithTitle(api)).as("a dry run stores nothing").isEmpty();

        boolean publishesOnImport = portal.tickIfOffered(Pattern.compile("publish", Pattern.CASE_INSENSITIVE));
        portal.press(IMPORT);
        await("the imported framework").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> frameworkWithTitle(api).isPresent());
        // An import that publishes shows its draft in the list a moment before the version is published: only an
        // import without that choice leaves the publishing to the author.
        if (!publishesOnImport) {
            portal.follow(Pattern.compile("^frameworks$", Pattern.CASE_INSENSITIVE)).awaitHeading("Frameworks");
            portal.follow(Portal.literal(TITLE));
            portal.press(PUBLISH);
            if (portal.offers(Pattern.compile("^(yes|confirm)\\b", Pattern.CASE_INSENSITIVE))) {
                portal.press(CONFIRM);
            }
        }
        int version = await("the published framework").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500)).until(() -> publishedVersion(api), Optional::isPresent)
                .orElseThrow();
        assertThat(version).isEqualTo(1);
        JsonNode framework = frameworkWithTitle(api).orElseThrow();
        JsonNode tree = api.get(AUTHOR, "/api/frameworks/" + framework.path("frameworkId").asString()
                + "/versions/1");
        assertThat(tree.path("content").path("competencies").size()).isEqualTo(items);
    }

    private static Optional<JsonNode> frameworkWithTitle(PlatformApi api) {
        return StreamSupport.stream(api.get(AUTHOR, "/api/frameworks").spliterator(), false)
                .filter(framework -> TITLE.equals(framework.path("title").asString())).findFirst();
    }

    private static Optional<Integer> publishedVersion(PlatformApi api) {
        return frameworkWithTitle(api).map(framework -> framework.path("publishedVersion").asInt())
                .filter(version -> version > 0);
    }
}
