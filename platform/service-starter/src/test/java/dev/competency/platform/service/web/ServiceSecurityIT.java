package dev.competency.platform.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.platform.service.StarterService;
import dev.competency.platform.test.RunningService;
import dev.competency.platform.test.TestTokens;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service validates bearer tokens itself and answers failures as problem details, whether or not the
 * request came through the gateway.
 */
class ServiceSecurityIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RunningService service;

    @BeforeAll
    static void start() {
        service = StarterService.get();
    }

    @Test
    void answersProblem401_whenRequestHasNoToken() {
        HttpResponse<String> response = service.get("/api/probe/me");
        assertProblem(response, 401, "/problems/unauthenticated");
    }

    @Test
    void answersProblem401_whenTokenIsExpiredForgedOrForeign() {
        for (String token : List.of(TestTokens.expired("learner-1", "LEARNER"),
                TestTokens.forged("learner-1", "LEARNER"),
                TestTokens.fromOtherIssuer("learner-1", "LEARNER"),
                "not-a-jwt")) {
            assertProblem(service.get("/api/probe/me", token), 401, "/problems/unauthenticated");
        }
    }

    @Test
    void resolvesCaller_whenTokenIsValid() {
        String token = TestTokens.token("manager-3", Map.of("roles", List.of("MANAGER", "unknown-role"),
                "managed_teams", List.of("team-7")));
        HttpResponse<String> response = service.get("/api/probe/me", token);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("subject").asString()).isEqualTo("manager-3");
        assertThat(body.path("roles").toString()).isEqualTo("[\"MANAGER\"]");
        assertThat(body.path("managedTeams").toString()).isEqualTo("[\"team-7\"]");
    }

    @Test
    void answersForbidden_whenPolicyRefuses() {
        assertProblem(service.get("/api/probe/admin", TestTokens.token("learner-1", "LEARNER")), 403,
                "/problems/forbidden");
        assertThat(service.get("/api/probe/admin", TestTokens.token("root", "ADMIN")).body()).isEqualTo("secret");
    }

    @ParameterizedTest
    @CsvSource({
            "invalid, 400, /problems/invalid-request, threshold must be in [0,1]",
            "forbidden, 403, /problems/forbidden, only the nominated peers rate attempt a-1",
            "missing, 404, /problems/not-found, No framework 'fw-9'",
            "gone, 404, /problems/not-found, No draft 'd-1'",
            "conflict, 409, /problems/conflict, Version 2 is already published",
            "unprocessable, 422, /problems/unprocessable, The snapshot is too large to publish",
            "specific, 422, /problems/framework-too-large, The framework is larger than 1 MB",
            "behind, 503, /problems/read-model-behind, Learner l-1 is not known to this service yet",
            "state, 500, /problems/internal-error, Something went wrong on our side",
            "argument, 500, /problems/internal-error, Something went wrong on our side",
            "other, 500, /problems/internal-error, Something went wrong on our side"})
    void mapsRefusalsToTheirProblemAndEverythingElseTo500WithoutInternals(String kind, int status, String type,
                                                                            String detail) {
        HttpResponse<String> response = service.get("/api/probe/fail/" + kind, TestTokens.token("a", "AUTHOR"));
        assertProblem(response, status, type);
        assertThat(JSON.readTree(response.body()).path("detail").asString()).startsWith(detail);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("dev.competency")
                .doesNotContain("internal detail").doesNotContain("HmacSHA256");
    }

    @Test
    void asksToRetry_whenStreamIsBehind() {
        HttpResponse<String> response = service.get("/api/probe/fail/behind", TestTokens.token("a", "AUTHOR"));

        assertProblem(response, 503, "/problems/read-model-behind");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
    }

    @Test
    void answersProbesAndMetrics_whenRequestHasNoToken() {
        assertThat(service.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(service.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(service.get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertProblem(service.get("/actuator/metrics"), 401, "/problems/unauthenticated");
    }

    @ParameterizedTest
    @CsvSource({"/actuator", "/actuator/metrics", "/actuator/metrics/jvm.memory.used"})
    void servesOtherManagementEndpointsOnly_whenCallerIsAdmin(String path) {
        assertProblem(service.get(path, TestTokens.token("learner-1", "LEARNER")), 403, "/problems/forbidden");
        assertProblem(service.get(path, TestTokens.token("analyst-1", "ANALYST")), 403, "/problems/forbidden");
        assertThat(service.get(path, TestTokens.token("root", "ADMIN")).statusCode()).isEqualTo(200);
    }

    @Test
    void showsHealthDetails_whenCallerIsAdminOnly() {
        for (String path : List.of("/actuator/health", "/actuator/health/readiness")) {
            for (HttpResponse<String> response : List.of(service.get(path),
                    service.get(path, TestTokens.token("learner-1", "LEARNER")))) {
                JsonNode health = JSON.readTree(response.body());
                assertThat(health.path("status").asString()).isEqualTo("UP");
                assertThat(health.path("components").path("mongo").path("status").asString()).isEqualTo("UP");
                assertThat(response.body()).doesNotContain("details").doesNotContain("clusterId")
                        .doesNotContain("database").doesNotContain("free").doesNotContain("path");
            }
        }
        JsonNode asAdmin = JSON.readTree(service.get("/actuator/health",
                TestTokens.token("root", "ADMIN")).body());
        assertThat(asAdmin.path("components").path("mongo").path("details").path("database").asString())
                .isEqualTo("starter-it");
        assertThat(asAdmin.path("components").path("kafka").path("details").path("clusterId").isMissingNode())
                .isFalse();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(contentType ->
                assertThat(contentType).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("type").asString()).isEqualTo(type);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asString()).isNotBlank();
    }
}
