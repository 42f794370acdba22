package dev.competency.faults.platform;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's public API through the gateway, as the demo accounts (bearer tokens from the development issuer's
 * password grant) and as the demo xAPI activity provider (HTTP Basic). Every answer of the 5xx family is kept, with
 * when it came and whether it said when to retry, so that a run can tell which were allowed.
 */
public final class GatewayClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI gateway;
    private final String xapiAuthorization;
    private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
    private final List<Answer> serverErrors = new CopyOnWriteArrayList<>();
    private final Map<String, ConcurrentSkipListSet<Instant>> successes = new ConcurrentHashMap<>();

    public GatewayClient(URI gateway, LaunchedPlatform.XapiCredentials xapi) {
        this.gateway = gateway;
        this.xapiAuthorization = "Basic " + Base64.getEncoder().encodeToString(
                (xapi.key() + ":" + xapi.secret()).getBytes(StandardCharsets.UTF_8));
    }

    private record IssuedToken(String value, Instant issuedAt) {
    }

    /**
     * One answer: its status (0 when the connection failed or no answer came in time), its body, its
     * {@code Retry-After} header and when it came.
     */
    public record Answer(String method, String path, int status, String body, Optional<String> retryAfter,
                         Instant at) {

        public JsonNode json() {
            return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        }

        /** The service the gateway routes this path to ({@code gateway} for its own paths). */
        public String service() {
            if (path.startsWith("/api/frameworks") || path.startsWith("/ims/")) {
                return "frameworks";
            }
            if (path.startsWith("/api/assessments") || path.startsWith("/xapi/")) {
                return "assessments";
            }
            if (path.startsWith("/api/learners") || path.startsWith("/api/teams")) {
                return "learner-profiles";
            }
            if (path.startsWith("/api/community")) {
                return "community";
            }
            return path.startsWith("/api/analytics") ? "analytics" : "gateway";
        }

        public boolean ok() {
            return status / 100 == 2;
        }

        /** Whether the request may be sent again later: the service was away or the answer never came. */
        public boolean retryable() {
            return status == 0 || status == 503;
        }

        @Override
        public String toString() {
            return method + " " + path + " → " + status + retryAfter.map(value -> " (Retry-After " + value + ")")
                    .orElse("") + " at " + at + (status >= 500 ? ": " + body : "");
        }
    }

    /** Every answer with a 5xx status so far. */
    public List<Answer> serverErrors() {
        return List.copyOf(serverErrors);
    }

    /** When the first 2xx answer on a path of the service came at or after {@code instant}, if one did. */
    public Optional<Instant> firstSuccess(String service, Instant instant) {
        ConcurrentSkipListSet<Instant> times = successes.get(service);
        return Optional.ofNullable(times == null ? null : times.ceiling(instant));
    }

    /** A call as a demo account, whatever it answers. */
    public Answer send(String username, String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                .header("Authorization", "Bearer " + token(username))
                .header("Accept", "application/json");
        return send(withBody(request, method, body), method, path);
    }

    /** A call as a demo account that must succeed; its JSON body. */
    public JsonNode call(String username, String method, String path, Object body) {
        Answer answer = send(username, method, path, body);
        if (!answer.ok()) {
            throw new IllegalStateException(method + " " + path + " as " + username + ": " + answer);
        }
        return answer.json();
    }

    public JsonNode get(String username, String path) {
        return call(username, "GET", path, null);
    }

    /** {@code PUT /xapi/statements?statementId=…} as the demo activity provider. */
    public Answer putStatement(String statementId, Object statement) {
        String path = "/xapi/statements?statementId=" + statementId;
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                .header("Authorization", xapiAuthorization)
                .header("X-Experience-API-Version", "2.0.0");
        return send(withBody(request, "PUT", statement), "PUT", "/xapi/statements");
    }

    private String token(String username) {
        IssuedToken token = tokens.get(username);
        if (token != null && token.issuedAt().plus(TOKEN_REUSE).isAfter(Instant.now())) {
            return token.value();
        }
        String form = "grant_type=password&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(username + "-pass", StandardCharsets.UTF_8);
        Answer answer = send(HttpRequest.newBuilder(gateway.resolve("/dev-issuer/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), "POST", "/dev-issuer/token");
        if (answer.status() != 200) {
            throw new IllegalStateException("No token for " + username + ": " + answer);
        }
        String value = answer.json().path("access_token").asString();
        tokens.put(username, new IssuedToken(value, Instant.now()));
        return value;
    }

    private static HttpRequest.Builder withBody(HttpRequest.Builder request, String method, Object body) {
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    }

    private Answer send(HttpRequest.Builder request, String method, String path) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        Answer answer;
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            answer = new Answer(method, path, response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After"), Instant.now());
        } catch (IOException e) {
            answer = new Answer(method, path, 0, e.toString(), Optional.empty(), Instant.now());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + method + " " + path, e);
        }
        if (answer.status() >= 500) {
            serverErrors.add(answer);
        } else if (answer.ok()) {
            successes.computeIfAbsent(answer.service(), service -> new ConcurrentSkipListSet<>()).add(answer.at());
        }
        return answer;
    }
}
