package dev.competency.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Who gets through: bearer tokens from the issuer, xAPI Basic credentials to assessments, the open paths. */
class AuthenticationTest extends LocalGatewayTest {

    @Test
    void answersUnauthenticatedProblem_whenNoTokenIsSent() {
        client().get().uri("/api/learners/learner-1/mastery").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/unauthenticated")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.requestId").exists();
    }

    @Test
    void answersUnauthenticatedProblem_whenTokenExpired() {
        assertRejected(() -> tokens().expired("ADMIN"));
    }

    @Test
    void answersUnauthenticatedProblem_whenTokenIsForged() {
        assertRejected(() -> tokens().forged("ADMIN"));
    }

    @Test
    void answersUnauthenticatedProblem_whenTokenComesFromAnotherIssuer() {
        assertRejected(() -> tokens().fromIssuer("http://elsewhere.example/realms/competency", "ADMIN"));
    }

    @Test
    void answersUnauthenticatedProblem_whenTokenIsMalformed() {
        assertRejected(() -> "not.a.jwt");
    }

    @ParameterizedTest
    @CsvSource({"LEARNER", "AUTHOR", "ASSESSOR"})
    void answersForbiddenProblem_whenRoleMayNotReadAnalytics(String role) {
        client().get().uri("/api/analytics/heatmap").headers(h -> h.setBearerAuth(tokens().valid(role))).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/forbidden")
                .jsonPath("$.status").isEqualTo(403);
    }

    @ParameterizedTest
    @CsvSource({"ANALYST", "MANAGER", "ADMIN"})
    void letsThrough_whenRoleMayReadAnalytics(String role) {
        client().get().uri("/api/analytics/heatmap").headers(h -> h.setBearerAuth(tokens().valid(role))).exchange()
                .expectStatus().isOk();
    }

    @Test
    void readsRoles_whenTheyAreKeycloakRealmRoles() {
        // Keycloak puts realm roles under realm_access.roles; the gateway reads them as the services do.
        client().get().uri("/api/analytics/heatmap")
                .headers(h -> h.setBearerAuth(tokens().withKeycloakRealmRoles("ANALYST", "offline_access")))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void passesBasicCredentialsUnchangedToAssessments_whenPathIsXapi() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("lrs-client:secret".getBytes(StandardCharsets.UTF_8));
        client().get().uri("/xapi/statements").header(HttpHeaders.AUTHORIZATION, basic).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Seen-Authorization", basic)
                .expectBody(String.class).isEqualTo("assessments /xapi/statements");
    }

    @Test
    void refusesBasicCredentials_whenPathIsOutsideXapi() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("lrs-client:secret".getBytes(StandardCharsets.UTF_8));
        client().get().uri("/api/assessments/as-1").header(HttpHeaders.AUTHORIZATION, basic).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/unauthenticated");
    }

    @Test
    void requiresCredentials_whenXapiStatementsAreAsked() {
        client().get().uri("/xapi/statements").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void letsThroughWithoutToken_whenPathIsOpen() {
        client().get().uri("/xapi/about").exchange().expectStatus().isOk()
                .expectBody(String.class).isEqualTo("assessments /xapi/about");
        client().get().uri("/actuator/health").exchange().expectStatus().isOk();
        client().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client().get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }

    @Test
    void servesManagementEndpoints_whenCallerIsAdminOnly() {
        client().get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
        client().get().uri("/actuator/metrics").headers(h -> h.setBearerAuth(tokens().valid("ADMIN")))
                .exchange().expectStatus().isOk();
    }

    private void assertRejected(Supplier<String> token) {
        WebTestClient.BodyContentSpec body = client().get().uri("/api/frameworks/fw-1")
                .headers(h -> h.setBearerAuth(token.get()))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
        body.jsonPath("$.type").isEqualTo("/problems/unauthenticated")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .doesNotContain("Exception").doesNotContain("nimbus").doesNotContain("Jwt"));
    }
}
