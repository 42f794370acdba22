package dev.competency.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** Timeouts per route (504) and retries of idempotent requests only. */
class ResilienceTest extends LocalGatewayTest {

    @Test
    void answersGatewayTimeoutProblem_whenServiceIsTooSlow() {
        long started = System.nanoTime();
        client().get().uri("/api/analytics/slow").headers(h -> h.setBearerAuth(tokens().valid("ANALYST"))).exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/gateway-timeout")
                .jsonPath("$.detail").isEqualTo("The analytics service did not answer in time");
        // The analytics route waits 1 s here, not the 2 s the service takes, and does not retry.
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1900);
        assertThat(StandInBackends.hits("/api/analytics/slow")).isEqualTo(1);
    }

    @Test
    void retriesIdempotentRequest_whenServiceIsUnavailable() {
        client().get().uri("/api/frameworks/get/unavailable").headers(h -> h.setBearerAuth(tokens().valid("AUTHOR")))
                .exchange()
                .expectStatus().isEqualTo(503);
        assertThat(StandInBackends.hits("/api/frameworks/get/unavailable")).isEqualTo(3);
    }

    @Test
    void servesEveryRequest_whenManyGoConcurrentlyToOneService() {
        // More at once than resilience4j's default bulkhead (25) would let through; one client each (rate limits).
        List<String> tokens = Flux.range(0, 60).map(i -> tokens().valid("AUTHOR")).collectList().block();
        List<Integer> statuses = Flux.fromIterable(tokens)
                .flatMap(token -> WebClient.create("http://127.0.0.1:" + port).get().uri("/api/frameworks/busy")
                        .headers(h -> h.setBearerAuth(token))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 60)
                .collectList().block(Duration.ofSeconds(20));
        assertThat(statuses).hasSize(60).containsOnly(200);
    }

    @Test
    void neverRetries_whenRequestIsPost() {
        client().post().uri("/api/frameworks/post/unavailable").headers(h -> h.setBearerAuth(tokens().valid("AUTHOR")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503);
        assertThat(StandInBackends.hits("/api/frameworks/post/unavailable")).isEqualTo(1);
    }
}
