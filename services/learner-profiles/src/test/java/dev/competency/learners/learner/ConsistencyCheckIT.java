package dev.competency.learners.learner;

import static dev.competency.learners.learner.Examples.JSON;
import static dev.competency.learners.learner.Examples.evidence;
import static dev.competency.learners.learner.Examples.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.learners.LearnerProfilesApplication;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.RunningService;
import dev.competency.platform.test.TestTokens;
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
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The admin consistency check of one learner against a running service: read models built from real evidence,
 * registration, role, team and a void agree with a fold of the learner's events; a corrupted row, a missing one and
 * one no event explains are each reported.
 */
class ConsistencyCheckIT {

    private static final Instant DAY1 = Instant.parse("2025-03-10T10:00:00Z");
    private static final String ADMIN = TestTokens.token("admin-1", "ADMIN");

    private static RunningService service;
    private static KafkaTestClient kafka;

    @BeforeAll
    static void start() {
        service = RunningService.start(LearnerProfilesApplication.class, "learner-profiles-consistency-it",
                Examples.EVIDENCE_DRIVEN_ONLY);
        kafka = new KafkaTestClient();
        Examples.publishFramework(kafka, service, Examples.framework());
    }

    @AfterAll
    static void stop() {
        kafka.close();
        service.close();
    }

    /**
     * A registered learner with a role, a team, three pieces of evidence of which one is voided; returns the
     * evidence once every read model shows it all and the read-model processor has read the whole store.
     */
    private static List<EvidenceRecorded> settledLearner(String learnerId) {
        assertThat(ServiceClient.post(service.port(), "/api/learners", ADMIN, """
                {"learnerId": "%s", "displayName": "Grace Hopper", "email": "grace@example.org",
                 "organisationUnit": "ENG"}""".formatted(learnerId)).statusCode()).isEqualTo(201);
        assertThat(put("/api/learners/" + learnerId + "/team", "{\"teamId\": \"team-c\", \"managerId\": \"m-c\"}"))
                .isEqualTo(204);
        assertThat(put("/api/learners/" + learnerId + "/role", "{\"roleProfileId\": \"role-c\"}")).isEqualTo(204);
        List<EvidenceRecorded> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Instant at = DAY1.plusSeconds(86_400L * i);
            EvidenceRecorded e = evidence(learnerId, 0.6 + i * 0.1, at, at.plusSeconds(1));
            send(kafka, EventTypes.EVIDENCE_RECORDED, learnerId, e);
            sent.add(e);
        }
        send(kafka, EventTypes.EVIDENCE_VOIDED, learnerId, Examples.voiding(sent.get(0), DAY1.plusSeconds(864_000)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonNode timeline = JSON.readTree(service.get("/api/learners/" + learnerId + "/evidence", ADMIN).body());
            JsonNode profile = JSON.readTree(service.get("/api/learners/" + learnerId, ADMIN).body());
            JsonNode status = JSON.readTree(service.get("/api/learners/admin/rebuild", ADMIN).body());
            return timeline.size() == 3 && timeline.get(0).hasNonNull("voidedAt")
                    && profile.path("profile").path("roleProfileId").asString().equals("role-c")
                    && profile.path("mastery").size() == 2 && status.path("caughtUp").asBoolean();
        });
        return sent;
    }

    private static JsonNode check(String learnerId) {
        HttpResponse<String> response = service.get("/api/learners/admin/consistency/" + learnerId, ADMIN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static int put(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void reportsNoDifference_whenReadModelsAgreeWithTheEvents() {
        String learnerId = UUID.randomUUID().toString();
        settledLearner(learnerId);

        JsonNode report = check(learnerId);

        assertThat(report.path("differences").size()).as(report.toString()).isZero();
        assertThat(report.path("consistent").asBoolean()).isTrue();
        assertThat(report.path("readModelsCaughtUp").asBoolean()).isTrue();
        // Registration, team, role, three acceptances, a void and the mastery they recorded.
        assertThat(report.path("eventsRead").asLong()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void reportsEachDifference_whenReadModelRowsAreCorruptedMissingOrUnexplained() {
        String learnerId = UUID.randomUUID().toString();
        List<EvidenceRecorded> sent = settledLearner(learnerId);
        String competencyId = sent.get(0).competencyId();
        MongoDatabase database = service.bean(MongoDatabase.class);
        MongoCollection<Document> mastery = database.getCollection("current_mastery");
        String masteryId = learnerId + "|" + competencyId;
        String recordedLevel = mastery.find(Filters.eq("_id", masteryId)).first().getString("level");
        mastery.updateOne(Filters.eq("_id", masteryId), Updates.set("level", "CORRUPTED"));
        mastery.insertOne(new Document("_id", learnerId + "|stray").append("learnerId", learnerId)
                .append("competencyId", "stray").append("level", "EXPERT"));
        database.getCollection("evidence_timeline").deleteOne(Filters.eq("_id",
                learnerId + "|" + sent.get(1).evidenceId()));
        database.getCollection("learner_profiles").updateOne(Filters.eq("_id", learnerId),
                Updates.set("teamId", "team-elsewhere"));

        JsonNode report = check(learnerId);

        assertThat(report.path("consistent").asBoolean()).isFalse();
        List<JsonNode> differences = new ArrayList<>();
        report.path("differences").forEach(differences::add);
        assertThat(differences).as(report.toString())
                .extracting(d -> d.path("readModel").asString(), d -> d.path("id").asString(),
                        d -> d.path("field").isNull() ? null : d.path("field").asString(),
                        d -> d.path("expected").isObject() ? "entry" : d.path("expected").asString(null),
                        d -> d.path("actual").isObject() ? "entry" : d.path("actual").asString(null))
                .containsExactlyInAnyOrder(
                        tuple("current_mastery", competencyId, "level", recordedLevel, "CORRUPTED"),
                        tuple("current_mastery", "stray", null, null, "entry"),
                        tuple("evidence_timeline", sent.get(1).evidenceId(), null, "entry", null),
                        tuple("learner_profiles", learnerId, "teamId", "team-c", "team-elsewhere"));
        JsonNode missing = differences.stream().filter(d -> d.path("readModel").asString().equals("evidence_timeline"))
                .findFirst().orElseThrow().path("expected");
        assertThat(missing.path("score").asDouble()).isEqualTo(sent.get(1).score());
        assertThat(missing.path("occurredAt").asString()).isEqualTo(sent.get(1).occurredAt().toString());
    }

    @Test
    void refusesEveryoneButAdmins_andAnswersNotFound_forALearnerNobodyKnows() {
        String learnerId = UUID.randomUUID().toString();
        String path = "/api/learners/admin/consistency/" + learnerId;

        assertThat(service.get(path, TestTokens.token(learnerId, "LEARNER")).statusCode()).isEqualTo(403);
        assertThat(service.get(path, TestTokens.token("m-c", Map.of("roles", List.of("MANAGER"),
                "managed_teams", List.of("team-c")))).statusCode()).isEqualTo(403);
        assertThat(service.get(path, TestTokens.token("author-1", "AUTHOR")).statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = service.get(path, ADMIN);
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }
}
