package dev.competency.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Each public path reaches the service that owns it, with path and query unchanged; the portal is served at /. */
class GatewayRoutingTest extends LocalGatewayTest {

    @ParameterizedTest
    @CsvSource({
            "/api/frameworks/fw-1/versions/2, frameworks",
            "/ims/case/v1p0/CFDocuments, frameworks",
            "/api/assessments/as-1, assessments",
            "/xapi/statements?verb=http%3A%2F%2Fadlnet.gov%2Fexpapi%2Fverbs%2Fpassed, assessments",
            "/api/learners/learner-1/mastery, learner-profiles",
            "/api/teams/team-7, learner-profiles",
            "/api/analytics/heatmap?teamId=team-7, analytics",
            "/api/community/discussions?subjectKind=COMPETENCY&subjectId=c-1, community",
            "/api/community/notifications?unreadOnly=true, community"})
    void routesPathToOwningService(String path, String service) {
        client().get().uri(uri(path)).headers(headers -> headers.setBearerAuth(tokens().valid("ADMIN"))).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo(service + " " + path);
    }

    @Test
    void forwardsBearerTokenUnchanged_whenRouting() {
        String token = tokens().valid("LEARNER");
        client().get().uri("/api/learners/me").headers(headers -> headers.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Seen-Authorization", "Bearer " + token);
    }

    @Test
    void servesPortalAtRoot_whenNoTokenIsSent() {
        // The test classpath's index.html stands in for the built portal.
        client().get().uri("/").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("portal test page"));
        client().get().uri("/index.html").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void answersNotFoundProblem_whenNoRouteMatches() {
        // Not a page either: the caller does not accept HTML (a page address would answer the portal).
        client().get().uri("/internal/admin").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/not-found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.instance").isEqualTo("/internal/admin")
                .jsonPath("$.trace").doesNotExist()
                .jsonPath("$.exception").doesNotExist();
    }

    @Test
    void answersNotFoundProblem_whenApiPathIsUnknown() {
        client().get().uri("/api/unknown/thing").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens().valid("ADMIN"))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-found");
    }
}
