package dev.competency.platform.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one-command local run: everything starts from the built jars, reports UP, and stops cleanly. */
class LocalPlatformIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void startsEveryApplicationHealthyAndStopsThemAll_whenLaunchedLocally() throws Exception {
        LaunchOptions options = new LaunchOptions(Optional.empty(), 0, 0, 0, 0, false, false,
                LocalPlatform.repositoryRoot());
        Map<String, Long> processIds;
        try (LocalPlatform platform = LocalPlatform.start(options)) {
            assertThat(platform.healthEndpoints()).containsOnlyKeys("frameworks", "assessments",
                    "learner-profiles", "analytics", "community", "gateway");
            for (URI health : platform.healthEndpoints().values()) {
                HttpResponse<String> response = get(health);
                assertThat(response.statusCode()).as(health.toString()).isEqualTo(200);
                assertThat(response.body()).as(health.toString()).contains("\"status\":\"UP\"");
            }
            assertThat(get(platform.gatewayUrl().resolve("/index.html")).body()).contains("Competency platform");
            DemoXapiClient client = DemoData.load(platform.kafkaBootstrapServers(), platform.gatewayUrl(),
                    Optional.empty());
            assertThat(client.accepted(platform.gatewayUrl())).as("the demo xAPI client reads statements").isTrue();
            assertDemoVisibleThroughGateway(platform.gatewayUrl());
            DemoData.load(platform.kafkaBootstrapServers(), platform.gatewayUrl(), Optional.empty());
            String learner = DemoData.token(platform.gatewayUrl(), "learner-ada");
            assertThat(evidenceCount(platform.gatewayUrl(), learner))
                    .as("loading the demo twice changes nothing").isEqualTo(perLearnerEvidence());
            assertThat(JSON.readTree(get(platform.gatewayUrl().resolve("/api/frameworks?code="
                    + DemoData.FRAMEWORK_CODE), learner).body())).as("one framework after two loads").hasSize(1);
            assertDemoCommunityThroughGateway(platform.gatewayUrl());
            processIds = platform.processIds();
            assertThat(processIds.values()).allSatisfy(pid ->
                    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true));
        }
        assertThat(processIds.values()).allSatisfy(pid ->
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse());
    }

    /**
     * The demo learner sees her own mastery, computed from the demo evidence under the example framework's policy;
     * the demo manager sees his whole team; another learner cannot read her record.
     */
    private static void assertDemoVisibleThroughGateway(URI gateway) throws Exception {
        String learner = DemoData.token(gateway, "learner-ada");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode mastery = JSON.readTree(get(gateway.resolve("/api/learners/" + DemoData.DEMO_LEARNER_ID
                    + "/mastery"), learner).body());
            Map<String, JsonNode> byCompetency = new HashMap<>();
            mastery.forEach(competency -> byCompetency.put(competency.path("competencyId").asString(), competency));
            // The evidenced competencies, each with a level; their parent appears as well, rolled up.
            assertThat(byCompetency).containsKeys(DemoData.COMPETENCIES.toArray(String[]::new));
            DemoData.COMPETENCIES.forEach(id -> assertThat(byCompetency.get(id).path("level").isString())
                    .as("level of %s", id).isTrue());
            assertThat(evidenceCount(gateway, learner)).isEqualTo(perLearnerEvidence());
        });
        JsonNode frameworks = JSON.readTree(get(gateway.resolve("/api/frameworks?code=" + DemoData.FRAMEWORK_CODE),
                learner).body());
        assertThat(frameworks).hasSize(1);
        assertThat(frameworks.get(0).path("publishedVersion").asInt()).isEqualTo(1);
        String manager = DemoData.token(gateway, "manager-maria");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(JSON.readTree(
                get(gateway.resolve("/api/teams/" + DemoData.TEAM_ID), manager).body()).path("memberCount").asInt())
                .isEqualTo(DemoData.LEARNERS.size()));
        assertThat(get(gateway.resolve("/api/learners/" + DemoData.DEMO_LEARNER_ID + "/mastery"),
                DemoData.token(gateway, "learner-grace")).statusCode()).isEqualTo(403);
    }

    /**
     * After two loads, one demo discussion with the learner's question and the manager's reply, and one running team
     * challenge that the demo learner, a member of the team, sees.
     */
    private static void assertDemoCommunityThroughGateway(URI gateway) throws Exception {
        String learner = DemoData.token(gateway, "learner-ada");
        JsonNode discussions = JSON.readTree(get(gateway.resolve("/api/community/discussions?subjectKind=COMPETENCY"
                + "&subjectId=" + DemoCommunity.DISCUSSION_COMPETENCY), learner).body()).path("items");
        List<JsonNode> demoDiscussions = new ArrayList<>();
        discussions.forEach(summary -> {
            if (DemoCommunity.DISCUSSION_TITLE.equals(summary.path("title").asString())) {
                demoDiscussions.add(summary);
            }
        });
        assertThat(demoDiscussions).as("one demo discussion after two loads").hasSize(1);
        JsonNode thread = JSON.readTree(get(gateway.resolve("/api/community/discussions/"
                + demoDiscussions.get(0).path("discussionId").asString()), learner).body());
        assertThat(thread.path("posts")).hasSize(2);
        assertThat(thread.path("posts").get(1).path("authorId").asString()).isEqualTo(DemoData.MANAGER_ID);

        List<JsonNode> challenges = new ArrayList<>();
        JSON.readTree(get(gateway.resolve("/api/community/challenges"), learner).body()).forEach(challenge -> {
            if (DemoCommunity.CHALLENGE_TITLE.equals(challenge.path("title").asString())) {
                challenges.add(challenge);
            }
        });
        assertThat(challenges).as("one demo challenge after two loads").hasSize(1);
        assertThat(challenges.get(0).path("status").asString()).isEqualTo("RUNNING");
        assertThat(challenges.get(0).path("groupId").asString()).isEqualTo(DemoData.TEAM_ID);
    }

    /** Three pieces for each competency of the demo learner. */
    private static int perLearnerEvidence() {
        return 3 * DemoData.COMPETENCIES.size();
    }

    private static int evidenceCount(URI gateway, String token) throws Exception {
        return JSON.readTree(get(gateway.resolve("/api/learners/" + DemoData.DEMO_LEARNER_ID + "/evidence"), token)
                .body()).findValuesAsString("evidenceId").size();
    }

    private static HttpResponse<String> get(URI uri, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
