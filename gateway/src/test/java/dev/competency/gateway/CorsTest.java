package dev.competency.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Browsers on the portal's origin may call the APIs; other origins may not. */
class CorsTest extends LocalGatewayTest {

    @Test
    void answersPreflight_whenOriginIsThePortal() {
        client().options().uri("/api/learners/me")
                .header(HttpHeaders.ORIGIN, "http://portal.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type,x-request-id")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://portal.example")
                .expectHeader().exists(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS);
    }

    @Test
    void exposesRequestId_whenThePortalCalls() {
        client().get().uri("/api/learners/me").header(HttpHeaders.ORIGIN, "http://portal.example")
                .headers(h -> h.setBearerAuth(tokens().valid("LEARNER")))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://portal.example")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        exposed -> org.assertj.core.api.Assertions.assertThat(exposed).contains("X-Request-Id"));
    }

    @Test
    void refusesPreflight_whenOriginIsAnother() {
        client().options().uri("/api/learners/me")
                .header(HttpHeaders.ORIGIN, "http://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "DELETE")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/forbidden");
    }
}
