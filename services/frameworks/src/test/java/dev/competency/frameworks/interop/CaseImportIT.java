package dev.competency.frameworks.interop;

import static dev.competency.platform.test.ServiceHttp.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.competency.frameworks.interop.casefile.CasePackageImportTest;
import dev.competency.frameworks.support.SharedService;
import dev.competency.platform.test.ServiceHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** CASE packages imported over HTTP into the real store, re-imported, exported and served by the CASE endpoints. */
class CaseImportIT {

    private static final String DOCUMENT = "6f1c3a2e-9b7d-4c1e-8a55-0d2f6b9e1a01";

    static String fixture(String name) {
        try (InputStream in = CaseImportIT.class.getResourceAsStream("/case/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> codes(JsonNode items) {
        List<String> codes = new ArrayList<>();
        items.forEach(item -> codes.add(item.path("code").asString()));
        return codes;
    }

    @Test
    void importsAndServesPackage_whenDryRunReimportAndNewerPackageFollow() {
        ServiceHttp author = SharedService.as(SharedService.AUTHOR);

        JsonNode dryRun = author.expect(200, author.post("/api/frameworks/case/import?dryRun=true",
                fixture("cloud-ops-v1.json")));
        assertThat(dryRun.path("dryRun").asBoolean()).isTrue();
        assertThat(dryRun.path("frameworkCreated").asBoolean()).isTrue();
        assertThat(codes(dryRun.path("created"))).hasSize(6).contains("OPS.DEPLOY.1");
        assertThat(author.expect(200, author.get("/api/frameworks?code=CO"))).isEmpty();

        JsonNode first = author.expect(200, author.post("/api/frameworks/case/import?publish=true&code=OPS",
                fixture("cloud-ops-v1.json")));
        String frameworkId = first.path("frameworkId").asString();
        assertThat(first.path("published").asBoolean()).isTrue();
        assertThat(first.path("version").asInt()).isEqualTo(1);

        JsonNode again = author.expect(200, author.post("/api/frameworks/case/import?publish=true",
                fixture("cloud-ops-v1.json")));
        assertThat(again.path("frameworkId").asString()).isEqualTo(frameworkId);
        assertThat(again.path("created")).isEmpty();
        assertThat(again.path("changed")).isEmpty();
        assertThat(again.path("removed")).isEmpty();
        assertThat(again.path("unchanged").asInt()).isEqualTo(6);
        assertThat(again.path("published").asBoolean()).isFalse();
        assertThat(again.path("version").asInt()).isEqualTo(1);

        JsonNode newer = author.expect(200, author.post("/api/frameworks/case/import?publish=true",
                fixture("cloud-ops-v2.json")));
        assertThat(codes(newer.path("created"))).containsExactly("OPS.OBS.2");
        assertThat(codes(newer.path("changed"))).containsExactly("OPS.OBS.1");
        assertThat(codes(newer.path("removed"))).containsExactly("OPS.DEPLOY.2");
        assertThat(newer.path("version").asInt()).isEqualTo(2);

        JsonNode diff = author.expect(200, author.get("/api/frameworks/" + frameworkId + "/diff?from=1&to=2"));
        assertThat(codes(diff.path("added"))).containsExactly("OPS.OBS.2");

        String exported = author.expect(200, author.get("/api/frameworks/" + frameworkId + "/versions/2/case"))
                .toString();
        JsonNode roundTrip = author.expect(200, author.post("/api/frameworks/case/import", exported));
        assertThat(roundTrip.path("frameworkId").asString()).isEqualTo(frameworkId);
        assertThat(roundTrip.path("created")).isEmpty();
        assertThat(roundTrip.path("changed")).isEmpty();
        assertThat(roundTrip.path("removed")).isEmpty();

        ServiceHttp reader = SharedService.as(SharedService.LEARNER);
        JsonNode documents = reader.expect(200, reader.get("/ims/case/v1p0/CFDocuments"));
        assertThat(documents.path("CFDocuments").findValuesAsString("identifier")).contains(DOCUMENT);
        JsonNode pkg = reader.expect(200, reader.get("/ims/case/v1p0/CFPackages/" + DOCUMENT));
        assertThat(pkg.path("CFItems")).hasSize(6);
        String itemId = "a1000000-0000-4000-8000-000000000007";
        assertThat(reader.expect(200, reader.get("/ims/case/v1p0/CFItems/" + itemId)).path("humanCodingScheme")
                .asString()).isEqualTo("OPS.OBS.2");
        String associationId = pkg.path("CFAssociations").get(0).path("identifier").asString();
        assertThat(reader.expect(200, reader.get("/ims/case/v1p0/CFAssociations/" + associationId))
                .path("associationType").asString()).isEqualTo("isChildOf");
        assertThat(reader.expect(404, reader.get("/ims/case/v1p0/CFItems/unknown")).path("type").asString())
                .isEqualTo("/problems/not-found");
    }

    @Test
    void refusesWithEveryErrorOrImportsTheRestWhenLenient_whenPackageIsBrokenOrUnusable() {
        ServiceHttp author = SharedService.as(SharedService.AUTHOR);

        JsonNode refused = author.expect(422, author.post("/api/frameworks/case/import?publish=true",
                fixture("broken-items.json")));
        assertThat(refused.path("type").asString()).isEqualTo("/problems/case-package-has-errors");
        assertThat(refused.path("errors")).hasSize(5);
        assertThat(author.expect(200, author.get("/api/frameworks?q=Security%20basics"))).isEmpty();

        JsonNode report = author.expect(200, author.post("/api/frameworks/case/import?publish=true&lenient=true",
                fixture("broken-items.json")));
        assertThat(report.path("errors")).hasSize(5);
        assertThat(report.path("errors").get(0).path("identifier").asString())
                .isEqualTo("d4000000-0000-4000-8000-000000000003");
        assertThat(report.path("errors").get(0).path("reason").asString()).isEqualTo("the item has no fullStatement");
        assertThat(codes(report.path("created"))).containsExactly("SEC", "SEC.1", "SEC.5");

        JsonNode problem = author.expect(400, author.post("/api/frameworks/case/import",
                "{\"CFDocument\": {\"title\": \"No identifier\"}, \"CFItems\": []}"));
        assertThat(problem.path("detail").asString()).isEqualTo("the CFDocument has no identifier");
        assertThat(author.expect(400, author.post("/api/frameworks/case/import", "not json")).path("type")
                .asString()).isEqualTo("/problems/invalid-request");
    }

    @Test
    void changesNothingAndFindsPackageByForeignIdentifier_whenTheExportOfARealPackageIsImportedAgain() {
        Optional<JsonNode> ccss = CasePackageImportTest.sharedData("case-ccss-math-opensalt-sample.json");
        assumeTrue(ccss.isPresent(), "the shared data folder is absent");
        ServiceHttp author = SharedService.as(SharedService.AUTHOR);

        JsonNode first = author.expect(200, author.post("/api/frameworks/case/import?publish=true&lenient=true",
                ccss.get().toString()));
        assertThat(first.path("errors")).isEmpty();
        assertThat(first.path("warnings").toString()).contains("have no UTC offset");
        String frameworkId = first.path("frameworkId").asString();
        int version = first.path("version").asInt();

        String exported = author.expect(200, author.get("/api/frameworks/" + frameworkId + "/versions/" + version
                + "/case")).toString();
        JsonNode again = author.expect(200, author.post("/api/frameworks/case/import?publish=true", exported));
        assertThat(again.path("frameworkId").asString()).isEqualTo(frameworkId);
        assertThat(again.path("created")).isEmpty();
        assertThat(again.path("changed")).isEmpty();
        assertThat(again.path("removed")).isEmpty();
        assertThat(again.path("published").asBoolean()).isFalse();
        assertThat(again.path("version").asInt()).isEqualTo(version);

        ServiceHttp reader = SharedService.as(SharedService.LEARNER);
        String foreign = "http://purl.org/ASN/resources/D10003FB";
        JsonNode pkg = reader.expect(200, reader.get("/ims/case/v1p0/CFPackages?identifier="
                + URLEncoder.encode(foreign, StandardCharsets.UTF_8)));
        assertThat(pkg.path("CFItems")).hasSize(703);
        assertThat(pkg.path("CFDocument").path("creator").asString())
                .isEqualTo("National Governors Association Center for Best Practices");
        assertThat(reader.get("/ims/case/v1p0/CFPackages/" + foreign).statusCode()).as("refused before the service")
                .isEqualTo(400);
        assertThat(reader.expect(404, reader.get("/ims/case/v1p0/CFPackages?identifier="
                + URLEncoder.encode("http://purl.org/ASN/resources/NONE", StandardCharsets.UTF_8))).path("type")
                .asString()).isEqualTo("/problems/not-found");
    }
}
