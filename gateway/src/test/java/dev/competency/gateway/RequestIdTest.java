package dev.competency.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** The correlation id reaches the service and comes back to the caller, on success and on errors. */
class RequestIdTest extends LocalGatewayTest {

    @Test
    void forwardsCallersRequestId_andEchoesIt() {
        client().get().uri("/api/teams/team-7").header("X-Request-Id", "portal-1234.abc")
                .headers(h -> h.setBearerAuth(tokens().valid("MANAGER")))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Seen-Request-Id", "portal-1234.abc")
                .expectHeader().valuesMatch("X-Request-Id", "portal-1234.abc");
    }

    @Test
    void generatesRequestId_whenCallerSendsNone() {
        EntityExchangeResult<byte[]> result = client().get().uri("/api/teams/team-7")
                .headers(h -> h.setBearerAuth(tokens().valid("MANAGER")))
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();
        String seen = result.getResponseHeaders().getFirst("X-Seen-Request-Id");
        assertThat(seen).matches("[0-9a-f-]{36}");
        assertThat(result.getResponseHeaders().get("X-Request-Id")).containsExactly(seen);
    }

    @Test
    void replacesMalformedRequestId() {
        EntityExchangeResult<byte[]> result = client().get().uri("/api/teams/team-7")
                .header("X-Request-Id", "<script>alert(1)</script>")
                .headers(h -> h.setBearerAuth(tokens().valid("MANAGER")))
                .exchange()
                .expectBody().returnResult();
        assertThat(result.getResponseHeaders().getFirst("X-Seen-Request-Id"))
                .isEqualTo(result.getResponseHeaders().getFirst("X-Request-Id"))
                .doesNotContain("<");
    }

    @Test
    void echoesRequestId_onGatewayErrors() {
        client().get().uri("/api/teams/team-7").header("X-Request-Id", "unauth-42").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Request-Id", "unauth-42")
                .expectBody().jsonPath("$.requestId").isEqualTo("unauth-42");
    }
}
