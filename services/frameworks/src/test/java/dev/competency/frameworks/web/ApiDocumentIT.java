package dev.competency.frameworks.web;

import static dev.competency.platform.test.ServiceHttp.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.frameworks.framework.domain.Contents;
import dev.competency.frameworks.support.SharedService;
import dev.competency.platform.test.ApiDocument;
import dev.competency.platform.test.ServiceHttp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The service's OpenAPI document is valid OpenAPI 3.1, readable without a token, and describes what the service
 * answers: every response below, successes and problem details alike, has its status, content type and body checked
 * against the operation's entry in the document.
 */
class ApiDocumentIT {

    private static ApiDocument document;

    @BeforeAll
    static void readDocument() {
        document = ApiDocument.fetch(SharedService.get().port());
    }

    @Test
    void isValidOpenApi31WithServiceInfoSecurityAndProblemSchema_whenDocumentIsRead() {
        assertThat(document.specificationProblems()).isEmpty();
        JsonNode json = document.json();
        assertThat(json.path("openapi").asString()).startsWith("3.1.");
        assertThat(json.path("info").path("title").asString()).isEqualTo("Frameworks");
        assertThat(json.path("info").path("version").asString()).isNotBlank();
        assertThat(json.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
                .isEqualTo("bearer");
        assertThat(json.path("security").path(0).has("bearer")).isTrue();
        JsonNode create = json.path("paths").path("/api/frameworks").path("post").path("responses");
        assertThat(create.propertyNames()).contains("201", "400", "401", "403", "409", "413");
        assertThat(create.path("409").path("content").path("application/problem+json").path("schema")
                .path("$ref").asString()).isEqualTo("#/components/schemas/Problem");
        assertThat(json.path("paths").path("/api/frameworks/{frameworkId}/versions/{version}/tree").path("get")
                .path("responses").propertyNames()).contains("200", "404", "422");
        JsonNode frameworkId = json.path("paths").path("/api/frameworks/{frameworkId}").path("get")
                .path("parameters").path(0);
        assertThat(frameworkId.path("name").asString()).isEqualTo("frameworkId");
        JsonNode schema = frameworkId.path("schema");
        if (schema.has("$ref")) {
            schema = json.path("components").path("schemas")
                    .path(schema.path("$ref").asString().substring("#/components/schemas/".length()));
        }
        assertThat(schema.path("type").asString()).as("a typed id is documented as text").isEqualTo("string");
        JsonNode rebuild = json.path("paths").path("/api/frameworks/admin/rebuild").path("post").path("responses");
        assertThat(rebuild.propertyNames()).as("done, or still running").contains("200", "202", "403");
    }

    @Test
    void describesSuccessesAndProblemsOfAuthoringAndReading_whenDocumentIsRead() {
        ServiceHttp author = SharedService.as(SharedService.AUTHOR);
        ServiceHttp learner = SharedService.as(SharedService.LEARNER);
        ServiceHttp stranger = SharedService.as("not-a-token");

        HttpResponse<String> created = author.post("/api/frameworks",
                "{\"code\": \"OAS\", \"title\": \"Described frameworks\"}");
        String frameworkId = author.expect(201, created).path("frameworkId").asString();
        HttpResponse<String> draft = author.put("/api/frameworks/" + frameworkId + "/draft",
                JSON.writeValueAsString(Contents.valid()));
        author.expect(200, draft);
        HttpResponse<String> published = author.post("/api/frameworks/" + frameworkId + "/publication", null);
        String competencyId = author.expect(200, published).path("content").path("competencies").path(1)
                .path("id").asString();
        HttpResponse<String> profile = author.post("/api/frameworks/role-profiles", """
                {"title": "Described engineer", "frameworkId": "%s", "frameworkVersion": 1,
                 "requirements": [{"competencyId": "%s", "targetLevel": "PROFICIENT", "weight": 2}]}"""
                .formatted(frameworkId, competencyId));
        author.expect(201, profile);
        HttpResponse<String> resource = author.post("/api/frameworks/learning-resources", """
                {"title": "Described course", "url": "https://learn.example.test/oas", "type": "COURSE",
                 "duration": "PT1H", "frameworkId": "%s",
                 "competencies": [{"competencyId": "%s", "targetLevel": "PROFICIENT"}]}"""
                .formatted(frameworkId, competencyId));
        author.expect(201, resource);

        for (HttpResponse<String> response : new HttpResponse[] {created, draft, published, profile, resource,
                learner.expectStatus(200, learner.get("/api/frameworks?q=described")),
                learner.expectStatus(200, learner.get("/api/frameworks/" + frameworkId)),
                learner.expectStatus(200, learner.get("/api/frameworks/" + frameworkId + "/versions/1")),
                learner.expectStatus(200, learner.get("/api/frameworks/" + frameworkId + "/versions/1/tree")),
                learner.expectStatus(200, learner.get("/api/frameworks/" + frameworkId + "/diff?from=1&to=1")),
                learner.expectStatus(200, learner.get("/api/frameworks/competencies?frameworkId=" + frameworkId)),
                learner.expectStatus(200, learner.get("/api/frameworks/role-profiles")),
                learner.expectStatus(200, learner.get("/api/frameworks/learning-resources")),
                author.expectStatus(400, author.post("/api/frameworks", "{\"code\": \"lower case\"}")),
                author.expectStatus(400, author.get("/api/frameworks/" + frameworkId + "/diff?from=one&to=1")),
                author.expectStatus(409, author.post("/api/frameworks", "{\"code\": \"OAS\", \"title\": \"Again\"}")),
                author.expectStatus(404, author.get("/api/frameworks/no-such-framework")),
                learner.expectStatus(403, learner.post("/api/frameworks", "{\"code\": \"NOPE\", \"title\": \"x\"}")),
                stranger.expectStatus(401, stranger.get("/api/frameworks"))}) {
            document.assertDescribes(response);
        }
    }
}
