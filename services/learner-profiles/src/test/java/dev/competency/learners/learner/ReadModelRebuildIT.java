package dev.competency.learners.learner;

import static dev.competency.learners.learner.Examples.JSON;
import static dev.competency.learners.learner.Examples.evidence;
import static dev.competency.learners.learner.Examples.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.Topics;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.contracts.learners.LearnerTeamChanged;
import dev.competency.contracts.learners.MailboxHash;
import dev.competency.learners.LearnerProfilesApplication;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.RunningService;
import dev.competency.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Learner registration and team out on the learners topic; every read model dropped and rebuilt from the store. */
class ReadModelRebuildIT {

    private static final Instant DAY1 = Instant.parse("2025-03-10T10:00:00Z");

    private static RunningService service;
    private static KafkaTestClient kafka;

    @BeforeAll
    static void start() {
        service = RunningService.start(LearnerProfilesApplication.class, "learner-profiles-rebuild-it", Examples.EVIDENCE_DRIVEN_ONLY);
        kafka = new KafkaTestClient();
        Examples.publishFramework(kafka, service, Examples.framework());
    }

    @AfterAll
    static void stop() {
        kafka.close();
        service.close();
    }

    @Test
    void answersAsBefore_whenReadModelsAreRebuiltFromTheEventStore() {
        String learner = UUID.randomUUID().toString();
        String admin = TestTokens.token("admin-1", "ADMIN");
        assertThat(ServiceClient.post(service.port(), "/api/learners", admin, """
                {"learnerId": "%s", "displayName": "Grace Hopper", "email": "grace@example.org",
                 "organisationUnit": "ENG"}""".formatted(learner)).statusCode()).isEqualTo(201);
        assertThat(put("/api/learners/" + learner + "/team", admin, "{\"teamId\": \"team-7\", \"managerId\": \"m-7\"}"))
                .isEqualTo(204);
        for (int i = 0; i < 5; i++) {
            Instant at = DAY1.plusSeconds(86_400L * i);
            EvidenceRecorded e = evidence(learner, 0.5 + i * 0.1, at, at.plusSeconds(1));
            send(kafka, EventTypes.EVIDENCE_RECORDED, learner, e);
        }
        String manager = TestTokens.token("m-7", Map.of("roles", List.of("MANAGER"), "managed_teams",
                List.of("team-7")));
        List<String> paths = List.of("/api/learners/" + learner,
                "/api/learners/" + learner + "/mastery?asOf=2025-04-01T00:00:00Z",
                "/api/learners/" + learner + "/evidence", "/api/teams/team-7");
        // Settled: every answer complete, and the same twice in a row, so that no roll-up is still on its way.
        AtomicReference<List<String>> settled = new AtomicReference<>(List.of());
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(300)).until(() -> {
            List<String> now = paths.stream().map(p -> service.get(p, manager).body()).toList();
            return now.equals(settled.getAndSet(now)) && JSON.readTree(now.get(2)).size() == 5
                    && now.get(0).contains("team-7") && profileMasteryIsComplete(JSON.readTree(now.get(0)));
        });
        List<String> before = settled.get();
        // A document no event explains: a rebuild that drops the read models drops it.
        MongoCollection<Document> timeline = service.bean(MongoDatabase.class).getCollection("evidence_timeline");
        timeline.insertOne(new Document("_id", "stray").append("learnerId", "nobody"));

        assertThat(ServiceClient.post(service.port(), "/api/learners/admin/rebuild", admin, "").statusCode())
                .isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String status = service.get("/api/learners/admin/rebuild", admin).body();
            assertThat(JSON.readTree(status).path("running").asBoolean()).as(status).isTrue();
            assertThat(JSON.readTree(status).path("caughtUp").asBoolean()).as(status).isTrue();
            assertThat(paths.stream().map(p -> service.get(p, manager).body()).toList()).isEqualTo(before);
        });
        // Progress through the store: all of it read, up to the last stored event.
        JsonNode status = JSON.readTree(service.get("/api/learners/admin/rebuild", admin).body());
        assertThat(status.path("percentDone").asDouble()).as(status.toString()).isEqualTo(100.0);
        assertThat(status.path("readUpTo").asLong()).as(status.toString()).isEqualTo(status.path("head").asLong())
                .isPositive();
        String metrics = service.get("/actuator/prometheus", admin).body();
        assertThat(metrics)
                .contains("read_models_rebuild_percent_done{application=\"learner-profiles\",processor=\"learner-read-models\"} 100.0");
        // The processors' two gauges and their ingested counter, tagged by processor only (AxonMetricsConfiguration):
        // no meter per payload type looked up for every event.
        List<String> processorMeters = metrics.lines().filter(line -> line.startsWith("eventProcessor_")).toList();
        assertThat(processorMeters).anyMatch(line -> line.startsWith("eventProcessor_latency{")
                && line.contains("processorName=\"learner-read-models\""));
        assertThat(processorMeters).anyMatch(line -> line.startsWith("eventProcessor_capacity{")
                && line.contains("processorName=\"learner-read-models\""));
        assertThat(processorMeters).noneMatch(line -> line.contains("payloadType"))
                .allMatch(line -> line.startsWith("eventProcessor_latency{")
                        || line.startsWith("eventProcessor_capacity{")
                        || line.startsWith("eventProcessor_ingestedCounter_total{"));
        assertThat(before.get(1)).contains("\"level\"");
        assertThat(timeline.countDocuments(Filters.eq("_id", "stray"))).isZero();
    }

    @Test
    void saysCaughtUp_onlyOnceTheReadModelsShowEveryEventStoredBeforeTheRebuild() {
        String admin = TestTokens.token("admin-1", "ADMIN");
        List<String> learners = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String learner = UUID.randomUUID().toString();
            learners.add(learner);
            send(kafka, EventTypes.EVIDENCE_RECORDED, learner, evidence(learner, 0.7, DAY1, DAY1.plusSeconds(1)));
        }
        MongoCollection<Document> timeline = service.bean(MongoDatabase.class).getCollection("evidence_timeline");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> timeline.countDocuments(Filters.in("learnerId", learners)) == learners.size());

        for (int round = 1; round <= 3; round++) {
            assertThat(ServiceClient.post(service.port(), "/api/learners/admin/rebuild", admin, "").statusCode())
                    .isEqualTo(202);
            JsonNode status = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .until(() -> JSON.readTree(service.get("/api/learners/admin/rebuild", admin).body()),
                            answer -> answer.path("caughtUp").asBoolean());

            assertThat(timeline.countDocuments(Filters.in("learnerId", learners)))
                    .as("evidence in the timeline when rebuild %d said %s", round, status).isEqualTo(learners.size());
        }
    }

    @Test
    void publishesLearnerEvents_whenLearnerIsRegisteredAndMoved() {
        String learner = UUID.randomUUID().toString();
        String admin = TestTokens.token("admin-1", "ADMIN");
        ServiceClient.post(service.port(), "/api/learners", admin,
                "{\"learnerId\": \"%s\", \"displayName\": \"Ada\", \"email\": \"Ada.Lovelace@example.org\"}"
                        .formatted(learner));
        put("/api/learners/" + learner + "/team", admin, "{\"teamId\": \"team-1\", \"managerId\": \"m-1\"}");

        ConsumerRecord<String, byte[]> registered = KafkaTestClient.awaitRecord(Topics.LEARNERS,
                r -> learner.equals(r.key()) && EventTypes.LEARNER_REGISTERED.equals(KafkaTestClient.header(r, "ce_type")));
        ConsumerRecord<String, byte[]> moved = KafkaTestClient.awaitRecord(Topics.LEARNERS,
                r -> learner.equals(r.key()) && EventTypes.LEARNER_TEAM_CHANGED.equals(KafkaTestClient.header(r, "ce_type")));

        assertThat(new String(registered.value())).as("no name or address on the topic")
                .doesNotContain("Ada", "example.org").doesNotContainIgnoringCase("displayName", "email");
        assertThat(JSON.readValue(registered.value(), LearnerRegistered.class).mboxSha1sum())
                .isEqualTo(MailboxHash.ofAddress("ada.lovelace@example.org"));
        LearnerTeamChanged change = JSON.readValue(moved.value(), LearnerTeamChanged.class);
        assertThat(change.teamId()).isEqualTo("team-1");
        assertThat(change.managerId()).isEqualTo("m-1");
        assertThat(KafkaTestClient.header(moved, "ce_id")).isEqualTo(UUID.nameUUIDFromBytes(
                (learner + ":1").getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
    }

    private static int put(String path, String token, String json) {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + service.port()
                        + path)).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The profile shows the competency with all five evidence and the parent the example framework rolls up from
     * it.
     */
    private static boolean profileMasteryIsComplete(JsonNode profile) {
        JsonNode mastery = profile.path("mastery");
        boolean child = false;
        boolean parent = false;
        for (JsonNode entry : mastery) {
            child |= !entry.path("rolledUp").asBoolean() && entry.path("evidenceCount").asInt() == 5;
            parent |= entry.path("rolledUp").asBoolean();
        }
        return mastery.size() == 2 && child && parent;
    }
}
