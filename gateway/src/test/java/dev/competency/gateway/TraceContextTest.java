package dev.competency.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** Traces start at the gateway: the service receives a W3C trace context, continuing the caller's if it sent one. */
class TraceContextTest extends LocalGatewayTest {

    private static final String TRACEPARENT = "00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]";

    @Test
    void forwardsNewTraceContext_whenCallerSendsNone() {
        String first = seenTraceparent(null);
        String second = seenTraceparent(null);

        assertThat(first).matches(TRACEPARENT);
        assertThat(second).matches(TRACEPARENT);
        assertThat(traceId(first)).isNotEqualTo(traceId(second)).isNotEqualTo("0".repeat(32));
    }

    @Test
    void continuesCallersTrace_withASpanOfItsOwn() {
        String callers = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        String seen = seenTraceparent(callers);

        assertThat(seen).matches(TRACEPARENT).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
                .doesNotContain("00f067aa0ba902b7").endsWith("-01");
    }

    private String seenTraceparent(String traceparent) {
        EntityExchangeResult<byte[]> result = client().get().uri("/api/teams/team-7")
                .headers(h -> {
                    h.setBearerAuth(tokens().valid("MANAGER"));
                    if (traceparent != null) {
                        h.set("traceparent", traceparent);
                    }
                })
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();
        return result.getResponseHeaders().getFirst("X-Seen-Traceparent");
    }

    private static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }
}
