package dev.competency.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the gateway answers to requests its firewall or its HTTP server refuses, sent byte for byte ({@link RawHttp}),
 * since HTTP clients normalise or refuse to send most of them.
 */
class MalformedRequestsTest extends LocalGatewayTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/learners/me;jsessionid=x", "/api//learners/me", "/api/learners/%2e%2e/teams",
            "/api/learners/%2E/me", "/api/learners/a%2fb", "/api/learners/%25", "/api/learners/a%5cb"})
    void answersInvalidRequestProblem_whenUrlHasARefusedSequence(String path) {
        RawHttp.Answer answer = RawHttp.send(port, "GET " + path + " HTTP/1.1");

        assertThat(answer.status()).as(path).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("\"type\":\"/problems/invalid-request\"").contains("\"status\":400")
                .contains("\"requestId\"");
        assertThat(answer.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void answersMethodNotAllowedProblem_whenMethodIsTrace() {
        RawHttp.Answer answer = RawHttp.send(port, "TRACE /api/learners/me HTTP/1.1");

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.header("Allow")).contains("GET").doesNotContain("TRACE");
        assertThat(answer.body()).contains("\"type\":\"/problems/method-not-allowed\"").contains("TRACE");
    }

    @Test
    void answersMethodNotAllowedProblem_whenMethodIsConnect() {
        RawHttp.Answer answer = RawHttp.send(port, "CONNECT 127.0.0.1:443 HTTP/1.1");

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("\"type\":\"/problems/method-not-allowed\"");
    }

    @Test
    void answersInvalidRequestProblem_whenPercentEncodingIsBroken() {
        RawHttp.Answer answer = RawHttp.send(port, "GET /api/learners/%zz HTTP/1.1");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("\"type\":\"/problems/invalid-request\"").contains("%-encoding");
        assertThat(answer.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void servesNextConnection_whenAMalformedRequestWasRefused() {
        RawHttp.send(port, "GET /api/learners/%zz HTTP/1.1");

        client().get().uri("/xapi/about").exchange().expectStatus().isOk();
    }

    @Test
    void answersUriTooLong_whenRequestLineExceedsTheServersLimit() {
        RawHttp.Answer answer = RawHttp.send(port, "GET /api/learners/" + "a".repeat(5000) + " HTTP/1.1");

        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("\"type\":\"/problems/uri-too-long\"").contains("\"requestId\"");
    }

    @Test
    void answersHeadersTooLarge_whenAHeaderExceedsTheServersLimit() {
        RawHttp.Answer answer = RawHttp.send(port, "GET /api/learners/me HTTP/1.1", "X-Big: " + "a".repeat(10000));

        assertThat(answer.status()).isEqualTo(431);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("\"type\":\"/problems/headers-too-large\"");
    }
}
