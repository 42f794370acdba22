package dev.competency.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

/** Body size limits (413) and rate limits per client and per address (429), all answered as problems. */
class RequestLimitsTest extends LocalGatewayTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static final int LIMIT = 64 * 1024;

    @Test
    void refusesDeclaredBodyBeforeReadingIt_whenOverLimit() {
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
    void refusesStreamedBody_whenOverLimit() {
        client().post().uri("/api/assessments/as-2/attempts").headers(h -> h.setBearerAuth(tokens().valid("LEARNER")))
                .contentType(MediaType.APPLICATION_JSON).body(chunks(8, LIMIT / 4), DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/payload-too-large");
    }

    @Test
    void forwardsStreamedBody_whenWithinLimit() {
        client().post().uri("/api/assessments/as-3/attempts").headers(h -> h.setBearerAuth(tokens().valid("LEARNER")))
                .contentType(MediaType.APPLICATION_JSON).body(chunks(3, LIMIT / 4), DataBuffer.class)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Seen-Body-Bytes", Integer.toString(3 * LIMIT / 4));
    }

    @Test
    void allowsLargerBody_whenPathIsXapi() {
        client().post().uri("/xapi/statements").headers(h -> h.setBearerAuth(tokens().valid("LEARNER")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new byte[LIMIT * 3 / 2])
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void allowsLargerBodyOnlyForImports_whenPathIsFrameworkImport() {
        client().post().uri("/api/frameworks/case/import").headers(h -> h.setBearerAuth(tokens().valid("AUTHOR")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new byte[LIMIT * 3 / 2])
                .exchange()
                .expectStatus().isOk();
        client().post().uri("/api/frameworks").headers(h -> h.setBearerAuth(tokens().valid("AUTHOR")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new byte[LIMIT * 3 / 2])
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void answersTooManyRequestsWithRetryAfter_whenClientExceedsBurst() throws Exception {
        String token = tokens().valid("LEARNER");
        // Validated once, so the requests below take from the subject's bucket, not the address's.
        client().get().uri("/api/learners/me").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
        // Sent at once, so the 5/s refill cannot keep up however slow the machine is: of 80 requests a burst of
        // 30 (plus what trickles in meanwhile) passes and the rest is refused.
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            sent.add(HTTP.sendAsync(HttpRequest.newBuilder(uri("/api/learners/me"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> response : sent) {
            responses.add(response.get(60, TimeUnit.SECONDS));
        }
        List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).toList();
        assertThat(statuses).as("statuses").containsOnly(200, 429);
        assertThat(statuses.stream().filter(status -> status == 200).count()).as("allowed").isGreaterThanOrEqualTo(29);
        HttpResponse<String> refused = responses.stream().filter(response -> response.statusCode() == 429)
                .findFirst().orElseThrow(() -> new AssertionError("no request refused: " + statuses));
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(refused.body()).contains("\"type\":\"/problems/rate-limited\"").contains("\"status\":429");

        // Another client is not affected.
        client().get().uri("/api/learners/me").headers(h -> h.setBearerAuth(tokens().valid("LEARNER"))).exchange()
                .expectStatus().isOk();
    }

    @Test
    void refusesForgedTokensBeforeCheckingThem_whenAddressExceedsBudget() {
        // 300 at once from one address, each with a token that was never valid: only the address's burst of 200 (and
        // what trickles back meanwhile) reaches the signature check; the rest is refused before it.
        String forged = tokens().forged("ADMIN");
        List<FromAddress.Answer> answers = FromAddress.get("127.0.0.2", port, "/api/learners/me", 300,
                headers -> headers.set("Authorization", "Bearer " + forged));

        List<Integer> statuses = answers.stream().map(FromAddress.Answer::status).toList();
        assertThat(statuses).as("statuses").containsOnly(401, 429);
        assertThat(statuses.stream().filter(status -> status == 429).count()).as("refused").isGreaterThanOrEqualTo(20);
        FromAddress.Answer refused = answers.stream().filter(answer -> answer.status() == 429).findFirst().orElseThrow();
        assertThat(refused.headers().getFirst("Retry-After")).isEqualTo("1");
        assertThat(refused.headers().getFirst("Content-Type")).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(refused.body()).contains("\"type\":\"/problems/rate-limited\"");

        // A token the gateway validated before takes from its subject's bucket, wherever it comes from.
        String known = tokens().valid("LEARNER");
        client().get().uri("/api/learners/me").headers(h -> h.setBearerAuth(known)).exchange().expectStatus().isOk();
        assertThat(FromAddress.get("127.0.0.2", port, "/api/learners/me", 3,
                headers -> headers.set("Authorization", "Bearer " + known)))
                .extracting(FromAddress.Answer::status).containsOnly(200);
    }

    @Test
    void keysXapiClientByItsKey_whenItsAddressHasSpentItsBudget() {
        String lrsClient = "Basic " + Base64.getEncoder().encodeToString(
                "conformance-suite:secret".getBytes(StandardCharsets.UTF_8));
        // The LRS accepts the credentials once (the first request still counts against the address).
        assertThat(FromAddress.get("127.0.0.3", port, "/xapi/statements", 1,
                headers -> headers.set("Authorization", lrsClient))).extracting(FromAddress.Answer::status)
                .containsExactly(200);

        // Anonymous callers behind the same address spend its budget: refused with the xAPI version header.
        List<FromAddress.Answer> anonymous = FromAddress.get("127.0.0.3", port, "/xapi/statements", 300);
        FromAddress.Answer refused = anonymous.stream().filter(answer -> answer.status() == 429).findFirst()
                .orElseThrow(() -> new AssertionError("no anonymous request refused"));
        assertThat(refused.headers().getFirst("X-Experience-API-Version")).isEqualTo("2.0.0");
        assertThat(refused.headers().getFirst("Retry-After")).isEqualTo("1");
        assertThat(refused.headers().getFirst("Content-Type")).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(refused.body()).contains("\"type\":\"/problems/rate-limited\"");

        // The accepted client has its own bucket.
        assertThat(FromAddress.get("127.0.0.3", port, "/xapi/statements", 20,
                headers -> headers.set("Authorization", lrsClient))).extracting(FromAddress.Answer::status)
                .containsOnly(200);
    }

    private static Flux<DataBuffer> chunks(int count, int size) {
        return Flux.range(0, count).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[size]));
    }
}
