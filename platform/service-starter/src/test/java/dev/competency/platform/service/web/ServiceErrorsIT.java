package dev.competency.platform.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.platform.service.StarterService;
import dev.competency.platform.test.RunningService;
import dev.competency.platform.test.TestTokens;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error a service gives is a problem detail with a stable type, whoever produces it: the application, Spring
 * MVC, or Tomcat before any application code runs. Sent with real HTTP clients (raw sockets where the JDK's client
 * refuses to send the request), since the container's own errors never reach a mock.
 */
class ServiceErrorsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String VALID = "{\"learnerId\":\"learner-1\",\"name\":\"Ada\",\"count\":2,"
            + "\"colour\":\"RED\",\"at\":\"2026-01-02T03:04:05Z\",\"parts\":[{\"code\":\"a\",\"weight\":0.5}]}";
    private static RunningService service;
    private static String author;

    @BeforeAll
    static void start() {
        service = StarterService.get();
        author = TestTokens.token("author-1", "AUTHOR");
    }

    // Item 8: Tomcat's own refusals.

    @ParameterizedTest
    @CsvSource({
            "GET /api/probe/%00 HTTP/1.1, 400, /problems/invalid-request",
            "GET /api/probe/%zz HTTP/1.1, 400, /problems/invalid-request",
            "GET /api/probe/%2 HTTP/1.1, 400, /problems/invalid-request",
            "CONNECT 127.0.0.1:443 HTTP/1.1, 501, /problems/method-not-allowed"})
    void answersProblem_whenTomcatRefusesTheRequestLine(String requestLine, int status, String type)
            throws IOException {
        RawResponse response = raw(requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertRawProblem(response, status, type);
    }

    @Test
    void answersProblem_whenTheUrlIsLongerThanTomcatReads() throws IOException {
        RawResponse response = raw("GET /api/probe/me?q=" + "a".repeat(9 * 1024)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).isBetween(400, 499);
        assertRawProblem(response, response.status(), "/problems/invalid-request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/probe/a;b", "/api/probe//me", "/api/probe/%2e%2e/me", "/error"})
    void answersProblemForFirewallRejectionsAndTheErrorPath(String path) throws IOException {
        RawResponse response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + author + "\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).isBetween(400, 404);
        assertRawProblem(response, response.status(), Map.of(400, "/problems/invalid-request",
                404, "/problems/not-found").get(response.status()));
    }

    // Item 8: Spring MVC's own errors.

    @Test
    void answersProblem_whenPathUnknownMethodWrongOrMediaTypeUnacceptableOrUnsupported() {
        assertProblem(send("GET", "/api/probe/nowhere", null, null), 404, "/problems/not-found");
        assertProblem(send("DELETE", "/api/probe/me", null, null), 405, "/problems/method-not-allowed");
        assertProblem(send("POST", "/api/probe/bodies", "text/plain", "hello"), 415,
                "/problems/unsupported-media-type");
        HttpResponse<String> unacceptable = sendWith(HttpRequest.newBuilder(uri("/api/probe/me"))
                .header("Authorization", "Bearer " + author).header("Accept", "text/csv").GET());
        assertProblem(unacceptable, 406, "/problems/not-acceptable");
    }

    @Test
    void answersProblemNamingTheParameter_whenQueryParameterIsMissingOrIllTyped() {
        HttpResponse<String> missing = send("GET", "/api/probe/pages", null, null);
        assertProblem(missing, 400, "/problems/invalid-request");
        assertThat(field(missing, 0)).isEqualTo("offset");
        HttpResponse<String> illTyped = send("GET", "/api/probe/pages?offset=abc", null, null);
        assertProblem(illTyped, 400, "/problems/invalid-request");
        assertThat(field(illTyped, 0)).isEqualTo("offset");
        assertThat(detail(illTyped)).isEqualTo("offset must be a whole number but was 'abc'");
    }

    @Test
    void answersProblemNamingThePathVariable_whenItBreaksItsConstraint() {
        HttpResponse<String> response = send("GET", "/api/probe/learners/has%20space", null, null);
        assertProblem(response, 400, "/problems/invalid-request");
        assertThat(field(response, 0)).isEqualTo("learnerId");
        assertThat(send("GET", "/api/probe/learners/7f2b7f39-c8c5-488a-994e-3c054105938f", null, null)
                .statusCode()).isEqualTo(200);
    }

    // Item 9: unreadable bodies, named field by field, without Java types.

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"learnerId\":\"l-1\",\"count\":\"many\"}|count|must be a whole number but was 'many'",
            "{\"learnerId\":\"l-1\",\"count\":1,\"colour\":\"BLUE\"}|colour|must be one of RED, GREEN but was 'BLUE'",
            "{\"learnerId\":\"l-1\",\"count\":1,\"at\":\"yesterday\"}|at|must be a date and time such as 2025-03-10T13:42:17Z but was 'yesterday'",
            "{\"learnerId\":\"l-1\",\"count\":1,\"parts\":[{\"code\":\"a\",\"weight\":[]}]}|parts[0].weight|must be a number",
            "{\"learnerId\":\"l-1\",\"count\":1,\"parts\":{}}|parts|must be a list",
            "{\"learnerId\":\"l-1\"}|count|is required",
            "{\"learnerId\":{\"$where\":1},\"count\":1}|learnerId|must be text"})
    void namesTheFieldInPlainWords_whenTheBodyIsIllTyped(String body, String field, String message) {
        HttpResponse<String> response = send("POST", "/api/probe/bodies", "application/json", body);
        assertProblem(response, 400, "/problems/invalid-request");
        assertThat(field(response, 0)).isEqualTo(field);
        assertThat(JSON.readTree(response.body()).path("errors").get(0).path("message").asString())
                .isEqualTo(message);
        assertThat(detail(response)).isEqualTo(field + " " + message);
        assertNoJavaNames(response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "not json", "{\"learnerId\":\"l-1\",}", "[1,2"})
    void saysTheBodyIsNotJsonWithoutJavaNames(String body) {
        HttpResponse<String> response = send("POST", "/api/probe/bodies", "application/json", body);
        assertProblem(response, 400, "/problems/invalid-request");
        assertThat(detail(response)).startsWith("The request body ");
        assertNoJavaNames(response);
    }

    @Test
    void listsEveryInvalidField_whenTheBodyBreaksItsConstraints() {
        HttpResponse<String> response = send("POST", "/api/probe/bodies", "application/json",
                "{\"learnerId\":\"a/b\",\"name\":\"" + "x".repeat(21)
                        + "\",\"count\":1,\"parts\":[{\"code\":\"\",\"weight\":1}]}");
        assertProblem(response, 400, "/problems/invalid-request");
        assertThat(JSON.readTree(response.body()).path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("learnerId", "name", "parts[0].code");
        assertThat(send("POST", "/api/probe/bodies", "application/json", VALID).statusCode()).isEqualTo(200);
    }

    // Item 11: roles before the body.

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"count\":\"x\"}"})
    void refusesCallerWithoutTheRoleBeforeReadingTheBody(String body) {
        HttpResponse<String> response = sendWith(HttpRequest.newBuilder(uri("/api/probe/admin/bodies"))
                .header("Authorization", "Bearer " + TestTokens.token("learner-1", "LEARNER"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertProblem(response, 403, "/problems/forbidden");
        HttpResponse<String> admin = sendWith(HttpRequest.newBuilder(uri("/api/probe/admin/bodies"))
                .header("Authorization", "Bearer " + TestTokens.token("root", "ADMIN"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertProblem(admin, 400, "/problems/invalid-request");
    }

    // Item 4: body limits.

    @Test
    void refusesBodyAboveTheLimitWith413_whenItsLengthIsDeclared() {
        byte[] twentyMegabytes = new byte[20 * 1024 * 1024];
        HttpResponse<String> response = sendWith(HttpRequest.newBuilder(uri("/api/probe/bodies"))
                .header("Authorization", "Bearer " + author).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(twentyMegabytes)));
        assertProblem(response, 413, "/problems/payload-too-large");
        assertThat(detail(response)).isEqualTo("The request body is larger than the 1 MB this resource accepts");
    }

    @Test
    void refusesBodyAboveTheLimitWith413_whenItIsChunked() {
        byte[] body = ("{\"learnerId\":\"l-1\",\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = sendWith(HttpRequest.newBuilder(uri("/api/probe/bodies"))
                .header("Authorization", "Bearer " + author).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertProblem(response, 413, "/problems/payload-too-large");
    }

    @Test
    void refusesBodyAboveTheLimit_whenTokenIsNotCheckedYet() throws IOException {
        RawResponse response = raw("POST /api/probe/bodies HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + (8 * 1024 * 1024)
                + "\r\nConnection: close\r\n\r\n");
        assertRawProblem(response, 413, "/problems/payload-too-large");
    }

    @Test
    void appliesTheMostSpecificPathsLimit_whenSeveralPathsMatch() {
        RequestSizeFilter filter = new RequestSizeFilter(new RequestSizeProperties(
                org.springframework.util.unit.DataSize.ofMegabytes(1),
                Map.of("/xapi/**", org.springframework.util.unit.DataSize.ofMegabytes(10),
                        "/xapi/statements/small", org.springframework.util.unit.DataSize.ofKilobytes(2))), JSON);
        assertThat(filter.limitFor("/api/learners")).isEqualTo(1024 * 1024);
        assertThat(filter.limitFor("/xapi/statements")).isEqualTo(10 * 1024 * 1024);
        assertThat(filter.limitFor("/xapi/statements/small")).isEqualTo(2 * 1024);
    }

    private static HttpResponse<String> send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + author)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return sendWith(request);
    }

    private static HttpResponse<String> sendWith(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }

    private static String field(HttpResponse<String> response, int index) {
        return JSON.readTree(response.body()).path("errors").get(index).path("field").asString();
    }

    private static String detail(HttpResponse<String> response) {
        return JSON.readTree(response.body()).path("detail").asString();
    }

    private static void assertNoJavaNames(HttpResponse<String> response) {
        assertThat(response.body()).doesNotContain("dev.competency").doesNotContain("java.")
                .doesNotContain("Cannot deserialize").doesNotContain("Exception").doesNotContain("`");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(contentType ->
                assertThat(contentType).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("type").asString()).isEqualTo(type);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asString()).isNotBlank();
        assertThat(body.path("detail").asString()).isNotBlank();
    }

    private static void assertRawProblem(RawResponse response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().get("content-type")).as(response.body())
                .startsWith("application/problem+json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("type").asString()).isEqualTo(type);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("<html").doesNotContain("Tomcat");
    }

    /**
     * Sends the request exactly as written, ends the sending side (so a server waiting for a declared body stops
     * waiting) and reads the answer until the server closes the connection.
     */
    private static RawResponse raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", service.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            in.transferTo(received);
            return RawResponse.parse(received.toString(StandardCharsets.UTF_8));
        }
    }

    private record RawResponse(int status, Map<String, String> headers, String body) {

        static RawResponse parse(String text) {
            int end = text.indexOf("\r\n\r\n");
            List<String> lines = List.of(text.substring(0, end).split("\r\n"));
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            String body = text.substring(end + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunk(body);
            }
            return new RawResponse(Integer.parseInt(lines.get(0).split(" ")[1]), headers, body);
        }

        private static String unchunk(String chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    return body.toString();
                }
                body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
        }
    }
}
