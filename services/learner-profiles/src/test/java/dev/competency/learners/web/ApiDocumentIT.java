package dev.competency.learners.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.learners.LearnerProfilesApplication;
import dev.competency.learners.learner.ServiceClient;
import dev.competency.platform.test.ApiDocument;
import dev.competency.platform.test.RunningService;
import dev.competency.platform.test.TestTokens;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service's OpenAPI document is valid OpenAPI 3.1, readable without a token, and describes what the service
 * answers: each response below has its status, content type and body checked against the document.
 */
class ApiDocumentIT {

    private static final String ADMIN = TestTokens.token("admin-1", "ADMIN");
    private static RunningService service;
    private static ApiDocument document;

    @BeforeAll
    static void start() {
        service = RunningService.start(LearnerProfilesApplication.class, "learner-profiles-api-document-it");
        document = ApiDocument.fetch(service.port());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void isValidOpenApi31_whenDocumentIsRead() {
        assertThat(document.specificationProblems()).isEmpty();
        assertThat(document.json().path("info").path("title").asString()).isEqualTo("Learner profiles");
    }

    @Test
    void describesSuccessesAndProblemsOfRegistrationAndProfile_whenDocumentIsRead() {
        String learnerId = UUID.randomUUID().toString();
        String registration = "{\"learnerId\":\"" + learnerId + "\",\"displayName\":\"Described learner\","
                + "\"organisationUnit\":\"ENG\"}";
        String learner = TestTokens.token(learnerId, "LEARNER");
        List<Exchange> exchanges = List.of(
                new Exchange(ServiceClient.post(service.port(), "/api/learners", ADMIN, registration), 201),
                new Exchange(ServiceClient.post(service.port(), "/api/learners", ADMIN, registration), 409),
                new Exchange(ServiceClient.post(service.port(), "/api/learners", ADMIN,
                        "{\"learnerId\":\"not a valid id!\",\"displayName\":\"x\"}"), 400),
                new Exchange(service.get("/api/learners/" + learnerId, learner), 200),
                new Exchange(service.get("/api/learners/" + learnerId + "/mastery", learner), 200),
                new Exchange(service.get("/api/learners/" + learnerId, TestTokens.token("learner-2", "LEARNER")),
                        403),
                new Exchange(service.get("/api/learners/" + UUID.randomUUID(), ADMIN), 404),
                new Exchange(service.get("/api/learners/" + learnerId, "not-a-token"), 401));
        for (Exchange exchange : exchanges) {
            assertThat(exchange.response().statusCode()).as(exchange.response().uri() + " "
                    + exchange.response().body()).isEqualTo(exchange.status());
            document.assertDescribes(exchange.response());
        }
    }

    private record Exchange(HttpResponse<String> response, int status) {
    }
}
