package dev.competency.e2e.platform;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's public API through the gateway, with bearer tokens from the development issuer's password grant:
 * what the tests use to prepare data a person would have authored elsewhere and to read the state the screens must
 * show. The browser never sees these tokens.
 */
public final class PlatformApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(10);

    private final URI gateway;
    private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();

    public PlatformApi(URI gateway) {
        this.gateway = gateway;
    }

    private record IssuedToken(String value, Instant issuedAt) {
    }

    /** The answer of one call: status and body. */
    public record Answer(int status, String body) {

        public JsonNode json() {
            return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        }
    }

    /** An access token of a demo account (password grant; only API users and tests use it, never the portal). */
    public String token(String username) {
        IssuedToken token = tokens.get(username);
        if (token != null && token.issuedAt().plus(TOKEN_REUSE).isAfter(Instant.now())) {
            return token.value();
        }
        String form = "grant_type=password&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(DemoOrganisation.passwordOf(username), StandardCharsets.UTF_8);
        Answer answer = send(HttpRequest.newBuilder(gateway.resolve("/dev-issuer/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (answer.status() != 200) {
            throw new IllegalStateException("No token for " + username + ": " + answer);
        }
        String value = answer.json().path("access_token").asString();
        tokens.put(username, new IssuedToken(value, Instant.now()));
        return value;
    }

    /** A call as {@code username}, whatever it answers. */
    public Answer send(String username, String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                .header("Authorization", "Bearer " + token(username))
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        return send(request);
    }

    /** A call as {@code username} that must succeed; its JSON body. */
    public JsonNode call(String username, String method, String path, Object body) {
        Answer answer = send(username, method, path, body);
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " as " + username + " answered " + answer);
        }
        return answer.json();
    }

    public JsonNode get(String username, String path) {
        return call(username, "GET", path, null);
    }

    /** The level code of a learner on a competency, as the caller may read it; empty while there is none. */
    public Optional<String> levelOf(String username, String learnerId, String competencyId) {
        Answer answer = send(username, "GET", "/api/learners/" + learnerId + "/mastery/" + competencyId, null);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (answer.status() != 200) {
            throw new IllegalStateException("Mastery of " + learnerId + " on " + competencyId + ": " + answer);
        }
        JsonNode level = answer.json().path("level");
        return level.isString() ? Optional.of(level.asString()) : Optional.empty();
    }

    /** The published demo framework: its id, version and the label of each level of its scale, by code. */
    public PublishedFramework demoFramework() {
        for (JsonNode framework : get(DemoOrganisation.AUTHOR, "/api/frameworks?code=" + DemoOrganisation.FRAMEWORK_CODE)) {
            if (DemoOrganisation.FRAMEWORK_CODE.equals(framework.path("code").asString())
                    && framework.path("publishedVersion").asInt() > 0) {
                String id = framework.path("frameworkId").asString();
                int version = framework.path("publishedVersion").asInt();
                JsonNode content = get(DemoOrganisation.AUTHOR, "/api/frameworks/" + id + "/versions/" + version);
                Map<String, String> labels = new LinkedHashMap<>();
                content.path("content").path("scale").path("levels").forEach(level ->
                        labels.put(level.path("code").asString(), level.path("label").asString()));
                return new PublishedFramework(id, version, labels);
            }
        }
        throw new IllegalStateException("The demo framework " + DemoOrganisation.FRAMEWORK_CODE + " is not published");
    }

    /** A published framework version and its scale's level labels by code. */
    public record PublishedFramework(String frameworkId, int version, Map<String, String> levelLabels) {

        public String labelOf(String levelCode) {
            return levelLabels.getOrDefault(levelCode, levelCode);
        }
    }

    /**
     * Waits until the analytics service holds the demo team as learner-profiles does: every member's demo evidence
     * has reached learner-profiles, and analytics has the same level for each member on every competency that has
     * one there. Analytics folds the mastery topic at its own pace after the platform is up; a test comparing its
     * answers with a screen must not read them half-way.
     */
    public void awaitAnalyticsHoldsTheDemoTeam() {
        await("analytics to hold the demo team's levels").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    JsonNode team = get(DemoOrganisation.ADMIN, "/api/teams/" + DemoOrganisation.TEAM_ID + "/mastery");
                    for (JsonNode member : team.path("members")) {
                        String learnerId = member.path("learnerId").asString();
                        if (get(DemoOrganisation.ADMIN, "/api/learners/" + learnerId + "/evidence?limit=1000").size()
                                < DemoOrganisation.DEMO_EVIDENCE_PER_LEARNER) {
                            return false;
                        }
                        if (!levels(member.path("competencies")).equals(levels(get(DemoOrganisation.ADMIN,
                                "/api/analytics/learners/" + learnerId + "/mastery")))) {
                            return false;
                        }
                    }
                    return team.path("members").size() == DemoOrganisation.TEAM_MEMBER_NAMES.size();
                });
    }

    /** Level code by competency id, of the competencies that have one. */
    private static Map<String, String> levels(JsonNode competencies) {
        Map<String, String> levels = new LinkedHashMap<>();
        for (JsonNode competency : competencies) {
            if (competency.path("level").isString()) {
                levels.put(competency.path("competencyId").asString(), competency.path("level").asString());
            }
        }
        return levels;
    }

    /** Sends a file as the body of a POST. */
    public Answer postFile(String username, String path, Path file, String contentType) {
        try {
            return send(HttpRequest.newBuilder(gateway.resolve(path))
                    .header("Authorization", "Bearer " + token(username))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofFile(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        try {
            HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + built.method() + " " + built.uri(), e);
        }
    }
}
