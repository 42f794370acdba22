package dev.competency.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.analytics.AnalyticsApplication;
import dev.competency.platform.test.ApiDocument;
import dev.competency.platform.test.RunningService;
import dev.competency.platform.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service's OpenAPI document is valid OpenAPI 3.1, readable without a token, and describes what the service
 * answers, successes and problem details alike.
 */
class ApiDocumentIT {

    private static RunningService service;
    private static ApiDocument document;

    @BeforeAll
    static void start() {
        service = RunningService.start(AnalyticsApplication.class, "analytics-api-document-it");
        document = ApiDocument.fetch(service.port());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void describesEveryAnalyticsPathInValidOpenApi31_whenDocumentIsFetched() {
        assertThat(document.specificationProblems()).isEmpty();
        assertThat(document.json().path("paths").has("/api/analytics/evidence/sources")).isTrue();
    }

    @Test
    void describesSuccessAndProblems_whenEvidenceSourcesAreAsked() {
        String path = "/api/analytics/evidence/sources";
        var allowed = service.get(path, TestTokens.token("analyst-1", "ANALYST"));
        var forbidden = service.get(path, TestTokens.token("learner-1", "LEARNER"));
        var unauthenticated = service.get(path, "not-a-token");

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        document.assertDescribes(allowed);
        document.assertDescribes(forbidden);
        document.assertDescribes(unauthenticated);
    }
}
