package dev.competency.learners.team.web;

import static dev.competency.learners.learner.Examples.JSON;
import static dev.competency.learners.learner.Examples.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.competency.contracts.EventTypes;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.contracts.frameworks.RoleProfilePublished;
import dev.competency.learners.LearnerProfilesApplication;
import dev.competency.learners.catalogue.query.RoleProfiles;
import dev.competency.learners.learner.Examples;
import dev.competency.learners.learner.ServiceClient;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.RunningService;
import dev.competency.platform.test.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The team mastery view against a running service: evidence in through the broker, and every member's levels in the
 * team view exactly as the member's own mastery view shows them at the moment of reading, decay and expiry included.
 */
class TeamMasteryIT {

    private static final String API_DESIGN = "f82522b5-8a39-49ed-8fc9-acfef26216d4";
    private static final String API_EVOLUTION = "0c53df7e-a725-4159-a5c7-c0c3a46ec709";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADMIN = TestTokens.token("admin-1", "ADMIN");

    private static RunningService service;
    private static KafkaTestClient kafka;
    private static RoleProfilePublished role;

    @BeforeAll
    static void start() {
        service = RunningService.start(LearnerProfilesApplication.class, "learner-profiles-team-it");
        kafka = new KafkaTestClient();
        Examples.publishFramework(kafka, service, Examples.framework());
        role = JSON.readValue(KafkaTestClient.example(EventTypes.ROLE_PROFILE_PUBLISHED), RoleProfilePublished.class);
        send(kafka, EventTypes.ROLE_PROFILE_PUBLISHED, role.frameworkId(), role);
        RoleProfiles roles = service.bean(RoleProfiles.class);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> roles.profile(role.roleProfileId(), role.version()).isPresent());
    }

    @AfterAll
    static void stop() {
        kafka.close();
        service.close();
    }

    private static String member(String teamId, String name) {
        String learnerId = UUID.randomUUID().toString();
        assertThat(ServiceClient.post(service.port(), "/api/learners", ADMIN, "{\"learnerId\":\"" + learnerId
                + "\",\"displayName\":\"" + name + "\",\"organisationUnit\":\"ENG\"}").statusCode()).isEqualTo(201);
        assertThat(put("/api/learners/" + learnerId + "/team", "{\"teamId\":\"" + teamId
                + "\",\"managerId\":\"manager-1\"}").statusCode()).isEqualTo(204);
        return learnerId;
    }

    private static HttpResponse<String> put(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("PUT " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during PUT " + path, e);
        }
    }

    private static void evidence(String learnerId, String competencyId, double score, String occurredAt) {
        Instant at = Instant.parse(occurredAt);
        ObjectNode node = (ObjectNode) JSON.valueToTree(Examples.evidence(learnerId, score, at, at.plusSeconds(60)));
        node.put("competencyId", competencyId);
        send(kafka, EventTypes.EVIDENCE_RECORDED, learnerId, JSON.treeToValue(node, EvidenceRecorded.class));
    }

    private static JsonNode get(String path, String token) {
        HttpResponse<String> response = service.get(path, token);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static int evidenceCount(String learnerId, String competencyId) {
        for (JsonNode entry : get("/api/learners/" + learnerId + "/mastery", ADMIN)) {
            if (entry.path("competencyId").asString().equals(competencyId)) {
                return entry.path("evidenceCount").asInt();
            }
        }
        return 0;
    }

    private static String manager(String teamId) {
        return TestTokens.token("manager-1", Map.of("roles", List.of("MANAGER"), "managed_teams", List.of(teamId)));
    }

    @Test
    void showsEveryMemberAsTheirOwnMasteryViewDoes_withDecayAndExpiryAtTheTimeOfReading() {
        String teamId = "team-" + UUID.randomUUID();
        String current = member(teamId, "Ada");
        String expired = member(teamId, "Bo");
        String idle = member(teamId, "Cy");
        String outsider = member("team-" + UUID.randomUUID(), "Di");
        assertThat(put("/api/learners/" + current + "/role", "{\"roleProfileId\":\"" + role.roleProfileId()
                + "\",\"roleProfileVersion\":" + role.version() + "}").statusCode()).isEqualTo(204);
        evidence(current, API_DESIGN, 0.85, "2025-03-10T10:00:00Z");
        evidence(current, API_DESIGN, 0.9, "2025-03-12T10:00:00Z");
        evidence(current, API_EVOLUTION, 0.6, "2025-03-12T11:00:00Z");
        // Two years of validity: this mastery expired in January 2026.
        evidence(expired, API_DESIGN, 0.85, "2024-01-10T10:00:00Z");
        evidence(expired, API_DESIGN, 0.9, "2024-01-12T10:00:00Z");
        evidence(outsider, API_DESIGN, 0.9, "2025-03-12T10:00:00Z");
        await().atMost(Duration.ofSeconds(45)).until(() -> evidenceCount(current, API_DESIGN) == 2
                && evidenceCount(current, API_EVOLUTION) == 1 && evidenceCount(expired, API_DESIGN) == 2
                && evidenceCount(outsider, API_DESIGN) == 1);

        JsonNode team = get("/api/teams/" + teamId + "/mastery", manager(teamId));

        assertThat(team.path("teamId").asString()).isEqualTo(teamId);
        Instant asOf = Instant.parse(team.path("asOf").asString());
        assertThat(team.path("members").findValuesAsString("learnerId"))
                .containsExactlyElementsOf(List.of(current, expired, idle).stream().sorted().toList());
        for (JsonNode member : team.path("members")) {
            String learnerId = member.path("learnerId").asString();
            JsonNode own = get("/api/learners/" + learnerId + "/mastery", TestTokens.token(learnerId, "LEARNER"));
            assertThat(ids(member.path("competencies"))).as("competencies of " + learnerId)
                    .containsExactlyElementsOf(ids(own)).isSorted();
            for (int i = 0; i < own.size(); i++) {
                JsonNode mine = own.get(i);
                JsonNode shown = member.path("competencies").get(i);
                assertThat(shown.path("level").asString(null)).isEqualTo(mine.path("level").asString(null));
                assertThat(shown.path("mastered").booleanValue()).isEqualTo(mine.path("mastered").booleanValue());
                assertThat(shown.path("expiresAt").asString(null)).isEqualTo(mine.path("expiresAt").asString(null));
                assertThat(shown.path("frameworkId").asString()).isEqualTo(mine.path("frameworkId").asString());
                assertThat(shown.path("frameworkVersion").asInt()).isEqualTo(mine.path("frameworkVersion").asInt());
                if (mine.path("score").isNull()) {
                    assertThat(shown.path("score").isNull()).isTrue();
                } else {
                    // Decay goes on between the two reads: a few milliseconds of a year's half-life.
                    assertThat(shown.path("score").doubleValue()).isCloseTo(mine.path("score").doubleValue(),
                            within(1e-6));
                }
            }
        }
        JsonNode ada = memberOf(team, current);
        assertThat(ada.path("displayName").asString()).isEqualTo("Ada");
        assertThat(ada.path("roleProfileId").asString()).isEqualTo(role.roleProfileId());
        assertThat(ada.path("readiness").doubleValue()).isEqualTo(
                get("/api/learners/" + current + "/gaps", ADMIN).path("readiness").doubleValue());
        assertThat(ada.path("lastEvidenceAt").asString()).isEqualTo("2025-03-12T11:00:00Z");
        JsonNode adaDesign = competency(ada, API_DESIGN);
        double atTheTime = get("/api/learners/" + current + "/mastery/" + API_DESIGN + "?asOf=2025-03-12T10:00:00Z",
                ADMIN).path("score").doubleValue();
        assertThat(adaDesign.path("score").doubleValue()).as("decayed since the evidence").isLessThan(atTheTime);

        JsonNode bo = memberOf(team, expired);
        JsonNode boDesign = competency(bo, API_DESIGN);
        assertThat(Instant.parse(boDesign.path("expiresAt").asString())).isBefore(asOf);
        assertThat(boDesign.path("mastered").booleanValue()).isFalse();
        assertThat(get("/api/learners/" + expired + "/mastery/" + API_DESIGN + "?asOf=2024-01-13T10:00:00Z", ADMIN)
                .path("mastered").booleanValue()).as("mastered before it expired").isTrue();
        assertThat(bo.path("readiness").isNull()).as("no role").isTrue();

        JsonNode cy = memberOf(team, idle);
        assertThat(cy.path("competencies")).isEmpty();
        assertThat(cy.path("lastEvidenceAt").isNull()).isTrue();

        assertThat(get("/api/teams/" + teamId + "/mastery", ADMIN).path("members")).hasSize(3);
        assertThat(service.get("/api/teams/" + teamId + "/mastery", manager("team-other")).statusCode())
                .isEqualTo(403);
        assertThat(service.get("/api/teams/" + teamId + "/mastery", TestTokens.token(current, "LEARNER"))
                .statusCode()).isEqualTo(403);
        assertThat(service.get("/api/teams/" + teamId + "/mastery").statusCode()).isEqualTo(401);
    }

    /** The competency ids of a list of competencies, without those of a parent's children. */
    private static List<String> ids(JsonNode competencies) {
        List<String> ids = new ArrayList<>();
        competencies.forEach(competency -> ids.add(competency.path("competencyId").asString()));
        return ids;
    }

    private static JsonNode memberOf(JsonNode team, String learnerId) {
        for (JsonNode member : team.path("members")) {
            if (member.path("learnerId").asString().equals(learnerId)) {
                return member;
            }
        }
        throw new AssertionError("No member " + learnerId);
    }

    private static JsonNode competency(JsonNode member, String competencyId) {
        for (JsonNode competency : member.path("competencies")) {
            if (competency.path("competencyId").asString().equals(competencyId)) {
                return competency;
            }
        }
        throw new AssertionError("No competency " + competencyId);
    }
}
