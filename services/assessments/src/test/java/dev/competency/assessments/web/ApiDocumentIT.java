package dev.competency.assessments.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.platform.test.ServiceHttp;
import dev.competency.assessments.support.SharedService;
import dev.competency.platform.test.ApiDocument;
import dev.competency.platform.test.TestTokens;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The service's OpenAPI document is valid OpenAPI 3.1, readable without a token, names HTTP Basic beside the bearer
 * token for xAPI, and describes what the service answers: each response below has its status, content type and body
 * checked against the operation's entry in the document.
 */
class ApiDocumentIT {

    private static ApiDocument document;

    @BeforeAll
    static void readDocument() {
        document = ApiDocument.fetch(SharedService.get().port());
    }

    @Test
    void isValidOpenApi31WithBasicCredentialsForXapi_whenDocumentIsRead() {
        assertThat(document.specificationProblems()).isEmpty();
        JsonNode json = document.json();
        assertThat(json.path("info").path("title").asString()).isEqualTo("Assessments");
        assertThat(json.path("components").path("securitySchemes").path("basic").path("scheme").asString())
                .isEqualTo("basic");
        JsonNode statements = json.path("paths").path("/xapi/statements");
        assertThat(statements.path("put").path("security").toString()).contains("basic", "bearer");
        assertThat(statements.path("put").path("responses").propertyNames()).contains("204", "400", "401", "409");
        assertThat(json.path("paths").path("/xapi/about").path("get").path("security").isEmpty()).isTrue();
        assertThat(json.path("paths").path("/xapi/about").path("get").path("responses").propertyNames())
                .doesNotContain("401", "403");
        JsonNode rebuild = json.path("paths").path("/api/assessments/admin/rebuild").path("post").path("responses");
        assertThat(rebuild.propertyNames()).as("the progress at once").contains("202", "403").doesNotContain("200");
        assertThat(rebuild.path("202").path("content").path("application/json").path("schema").isMissingNode())
                .as("the progress's schema").isFalse();
    }

    @Test
    void describesSuccessesAndProblemsOfClientsAndStatements_whenDocumentIsRead() {
        ServiceHttp admin = SharedService.http().bearer(TestTokens.token("admin-1", "ADMIN"));
        ServiceHttp learner = SharedService.http().bearer(TestTokens.token("learner-1", "LEARNER"));
        HttpResponse<String> registered = admin.post("/api/assessments/xapi-clients",
                "{\"name\":\"Described simulation\"}");
        JsonNode client = admin.json(registered);
        ServiceHttp lrs = SharedService.http().basic(client.path("key").asString(), client.path("secret").asString()).xapi();
        String statementId = UUID.randomUUID().toString();
        String statement = "{\"actor\":{\"mbox\":\"mailto:described@example.com\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/passed\"},"
                + "\"object\":{\"id\":\"https://content.example.com/activities/" + statementId + "\"}}";

        List<Exchange> exchanges = List.of(
                new Exchange(registered, 201),
                new Exchange(admin.get("/api/assessments/xapi-clients"), 200),
                new Exchange(admin.post("/api/assessments/xapi-clients", "{\"name\":\"\"}"), 400),
                new Exchange(learner.post("/api/assessments/xapi-clients", "{\"name\":\"Mine\"}"), 403),
                new Exchange(admin.get("/api/assessments/no-such-assessment"), 404),
                new Exchange(SharedService.http().get("/api/assessments/xapi-clients"), 401),
                new Exchange(lrs.put("/xapi/statements?statementId=" + statementId, statement), 204),
                new Exchange(lrs.get("/xapi/statements?statementId=" + statementId), 200),
                new Exchange(lrs.put("/xapi/statements?statementId=" + statementId,
                        statement.replace("passed", "failed")), 409),
                new Exchange(SharedService.http().xapi().get("/xapi/about"), 200),
                new Exchange(admin.delete("/api/assessments/xapi-clients/" + client.path("key").asString()), 204));
        for (Exchange exchange : exchanges) {
            assertThat(exchange.response().statusCode()).as(exchange.response().uri() + " "
                    + exchange.response().body()).isEqualTo(exchange.status());
            document.assertDescribes(exchange.response());
        }
    }

    private record Exchange(HttpResponse<String> response, int status) {
    }
}
