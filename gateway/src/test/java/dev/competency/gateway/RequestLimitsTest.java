package dev.competency.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Flux;

/** Body size limits (413) and per-client rate limits (429), both answered as problems. */
class RequestLimitsTest extends LocalGatewayTest {

    private static final int LIMIT = 64 * 1024;

    @Test
    void refusesDeclaredBodyOverLimit_beforeReadingIt() {
        client().post().uri("/api/assessments/as-1/attempts").headers(h -> h.setBearerAuth(tokens().valid("LEARNER")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new byte[LIMIT + 1])
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/payload-too-large")
                .jsonPath("$.status").isEqualTo(413);
        assertThat(StandInBackends.hits("/api/assessments/as-1/attempts")).isZero();
    }

    @Test
    void refusesStreamedBodyOverLimit() {
        client().post().uri("/api/assessments/as-2/attempts").headers(h -> h.setBearerAuth(tokens().valid("LEARNER")))
                .contentType(MediaType.APPLICATION_JSON).body(chunks(8, LIMIT / 4), DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/payload-too-large");
    }

    @Test
    void forwardsStreamedBodyWithinLimit() {
        client().post().uri("/api/assessments/as-3/attempts").headers(h -> h.setBearerAuth(tokens().valid("LEARNER")))
                .contentType(MediaType.APPLICATION_JSON).body(chunks(3, LIMIT / 4), DataBuffer.class)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Seen-Body-Bytes", Integer.toString(3 * LIMIT / 4));
    }

    @Test
    void allowsLargerBodiesOnXapi() {
        client().post().uri("/xapi/statements").headers(h -> h.setBearerAuth(tokens().valid("LEARNER")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new byte[LIMIT * 3 / 2])
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void answersTooManyRequests_afterTheBurst_withRetryAfter() {
        String token = tokens().valid("LEARNER");
        List<Integer> statuses = new ArrayList<>();
        EntityExchangeResult<byte[]> refused = null;
        for (int i = 0; i < 60 && refused == null; i++) {
            EntityExchangeResult<byte[]> result = client().get().uri("/api/learners/me")
                    .headers(h -> h.setBearerAuth(token)).exchange().expectBody().returnResult();
            statuses.add(result.getStatus().value());
            if (result.getStatus().value() == 429) {
                refused = result;
            }
        }
        assertThat(refused).as("statuses %s", statuses).isNotNull();
        // A burst of 30 refilled at 5/s: at least the burst got through first.
        assertThat(statuses.subList(0, 30)).containsOnly(200);
        assertThat(refused.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(new String(refused.getResponseBody(), StandardCharsets.UTF_8))
                .contains("\"type\":\"/problems/rate-limited\"").contains("\"status\":429");

        // Another client is not affected.
        client().get().uri("/api/learners/me").headers(h -> h.setBearerAuth(tokens().valid("LEARNER"))).exchange()
                .expectStatus().isOk();
    }

    private static Flux<DataBuffer> chunks(int count, int size) {
        return Flux.range(0, count).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[size]));
    }
}
