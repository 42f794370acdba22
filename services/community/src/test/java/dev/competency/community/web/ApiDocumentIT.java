package dev.competency.community.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.platform.test.ServiceHttp;
import dev.competency.community.support.SharedService;
import dev.competency.platform.test.ApiDocument;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service's OpenAPI document is valid OpenAPI 3.1 and describes what the service answers: each response below has
 * its status, content type and body checked against the operation's entry in the document.
 */
class ApiDocumentIT {

    private static ApiDocument document;

    @BeforeAll
    static void readDocument() {
        document = ApiDocument.fetch(SharedService.get().port());
    }

    @Test
    void isValidOpenApi31_whenDocumentIsRead() {
        assertThat(document.specificationProblems()).isEmpty();
        assertThat(document.json().path("info").path("title").asString()).isEqualTo("Community");
        assertThat(document.json().path("paths").path("/api/community/discussions").path("post").path("responses")
                .propertyNames()).contains("201", "400", "429");
    }

    @Test
    void describesDiscussionsAndNotificationsWithSuccessesAndProblems_whenDocumentIsRead() {
        String ada = SharedService.registerLearner("Unit-" + UUID.randomUUID());
        ServiceHttp asAda = SharedService.asLearner(ada);
        HttpResponse<String> created = asAda.post("/api/community/discussions", SharedService.JSON
                .writeValueAsString(Map.of("subjectKind", "COMPETENCY", "subjectId", "comp-doc", "title", "Doc",
                        "body", "Described")));
        String id = asAda.json(created).path("discussionId").asString();
        List<Exchange> exchanges = new ArrayList<>(List.of(
                new Exchange(created, 201),
                new Exchange(asAda.get("/api/community/discussions?subjectKind=COMPETENCY&subjectId=comp-doc"), 200),
                new Exchange(asAda.get("/api/community/discussions/" + id), 200),
                new Exchange(asAda.post("/api/community/discussions", "{\"title\":\"\"}"), 400),
                new Exchange(asAda.get("/api/community/discussions/" + UUID.randomUUID()), 404),
                new Exchange(SharedService.http().get("/api/community/discussions"), 401),
                new Exchange(asAda.post("/api/community/challenges", "{}"), 403),
                new Exchange(asAda.get("/api/community/notifications"), 200),
                new Exchange(asAda.get("/api/community/notifications/settings"), 200),
                new Exchange(asAda.get("/api/community/leaderboard"), 200)));
        HttpResponse<String> reply;
        do {
            reply = asAda.post("/api/community/discussions/" + id + "/replies", "{\"body\":\"again\"}");
        } while (reply.statusCode() == 201);
        exchanges.add(new Exchange(reply, 429));
        for (Exchange exchange : exchanges) {
            assertThat(exchange.response().statusCode()).as(exchange.response().uri() + " "
                    + exchange.response().body()).isEqualTo(exchange.status());
            document.assertDescribes(exchange.response());
        }
    }

    private record Exchange(HttpResponse<String> response, int status) {
    }
}
