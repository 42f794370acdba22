package dev.competency.learners.learner;

import static dev.competency.learners.learner.Examples.JSON;
import static dev.competency.learners.learner.Examples.evidence;
import static dev.competency.learners.learner.Examples.send;
import static dev.competency.platform.test.KafkaTestClient.contractRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.Topics;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.mastery.MasteryChanged;
import dev.competency.contracts.mastery.ParentMasteryChanged;
import dev.competency.contracts.mastery.ParentRollupEnded;
import dev.competency.learners.LearnerProfilesApplication;
import dev.competency.learners.catalogue.query.CataloguePolicies;
import dev.competency.learners.learner.domain.EvidenceAccepted;
import dev.competency.learners.learner.domain.RecordEvidence;
import dev.competency.learners.mastery.Evidence;
import dev.competency.learners.mastery.MasteryFold;
import dev.competency.learners.mastery.MasteryPolicy;
import dev.competency.learners.mastery.MasteryResult;
import dev.competency.learners.mastery.SourceType;
import dev.competency.platform.service.messaging.PoisonMessageException;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.RunningService;
import dev.competency.platform.test.TestTokens;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Evidence in through the real broker, mastery out, and the queries over it, against one running service. */
class MasteryFlowIT {

    private static final Instant DAY1 = Instant.parse("2025-03-10T10:00:00Z");
    private static final Instant DAY3 = Instant.parse("2025-03-12T10:00:00Z");

    private static RunningService service;
    private static KafkaTestClient kafka;
    private static FrameworkPublished framework;

    @BeforeAll
    static void start() {
        service = RunningService.start(LearnerProfilesApplication.class, "learner-profiles-mastery-it", Examples.EVIDENCE_DRIVEN_ONLY);
        kafka = new KafkaTestClient();
        framework = Examples.publishFramework(kafka, service, Examples.framework());
    }

    @AfterAll
    static void stop() {
        kafka.close();
        service.close();
    }

    @Test
    void refusesPolicyPreviewToLearners_beforeReadingTheBody() {
        String learner = TestTokens.token("learner-1", "LEARNER");
        for (String body : List.of("", "{", "{\"frameworkId\": []}")) {
            HttpResponse<String> response = ServiceClient.post(service.port(), "/api/learners/admin/policy-preview",
                    learner, body);
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(response.body()).path("type").asString()).isEqualTo("/problems/forbidden");
        }
        HttpResponse<String> admin = ServiceClient.post(service.port(), "/api/learners/admin/policy-preview",
                TestTokens.token("root", "ADMIN"), "");
        assertThat(admin.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(admin.body()).path("type").asString()).isEqualTo("/problems/invalid-request");
    }

    @Test
    void refusesCalculation_with413_whenTheBodyIsAboveTheLimit() {
        String item = "{\"score\": 0.5, \"sourceType\": \"SELF\", \"occurredAt\": \"2025-03-10T10:00:00Z\"},";
        StringBuilder body = new StringBuilder("{\"evidence\": [");
        while (body.length() < 8 * 1024 * 1024) {
            body.append(item);
        }
        body.setLength(body.length() - 1);
        body.append("]}");
        HttpResponse<String> response = ServiceClient.post(service.port(), "/api/learners/mastery/calculate",
                TestTokens.token("author-1", "AUTHOR"), body.toString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).path("type").asString()).isEqualTo("/problems/payload-too-large");
    }

    @Test
    void keepsMetricsFromLearners_andHealthDetailsFromAnonymousCallers() {
        String learner = TestTokens.token("learner-1", "LEARNER");
        for (String path : List.of("/actuator", "/actuator/metrics", "/actuator/metrics/http.server.requests")) {
            assertThat(service.get(path, learner).statusCode()).isEqualTo(403);
        }
        assertThat(service.get("/actuator/health").body()).doesNotContain("learner-profiles-mastery-it")
                .doesNotContain("clusterId").doesNotContain("free");
        assertThat(service.get("/actuator/prometheus").statusCode()).isEqualTo(200);
    }

    @Test
    void readsTheProfileAtOnce_whenLearnerWasJustRegistered() {
        String admin = TestTokens.token("admin-1", "ADMIN");
        for (int i = 0; i < 5; i++) {
            String learner = UUID.randomUUID().toString();
            register(learner, admin);

            HttpResponse<String> own = service.get("/api/learners/" + learner, TestTokens.token(learner, "LEARNER"));

            assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
            assertThat(JSON.readTree(own.body()).path("profile").path("displayName").asString()).isEqualTo("Ada");
        }
    }

    @Test
    void letsTheManagerReadAtOnce_whenLearnerWasJustMovedIntoTheirTeam() {
        String admin = TestTokens.token("admin-1", "ADMIN");
        String learner = UUID.randomUUID().toString();
        String teamId = "team-" + UUID.randomUUID();
        String manager = TestTokens.token("manager-7", Map.of("roles", List.of("MANAGER"),
                "managed_teams", List.of(teamId)));
        register(learner, admin);
        assertThat(service.get("/api/learners/" + learner, manager).statusCode()).as("not in the team yet")
                .isEqualTo(403);

        assertThat(ServiceClient.put(service.port(), "/api/learners/" + learner + "/team", admin,
                "{\"teamId\":\"" + teamId + "\",\"managerId\":\"manager-7\"}").statusCode()).isEqualTo(204);
        HttpResponse<String> read = service.get("/api/learners/" + learner, manager);

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).path("profile").path("teamId").asString()).isEqualTo(teamId);
        assertThat(ServiceClient.put(service.port(), "/api/learners/" + learner + "/team", admin,
                "{\"teamId\":\"team-elsewhere\",\"managerId\":\"manager-8\"}").statusCode()).isEqualTo(204);
        assertThat(service.get("/api/learners/" + learner, manager).statusCode()).as("moved out again")
                .isEqualTo(403);
    }

    @Test
    void dropsEverythingOnTheLearnerAndTellsOtherServices_whenLearnerIsErased() {
        String learner = UUID.randomUUID().toString();
        String admin = TestTokens.token("admin-1", "ADMIN");
        String name = "Erin " + learner.substring(0, 8);
        String email = "erin." + learner.substring(0, 8) + "@erasure.example";
        assertThat(ServiceClient.post(service.port(), "/api/learners", admin, "{\"learnerId\":\"" + learner
                + "\",\"displayName\":\"" + name + "\",\"email\":\"" + email + "\",\"organisationUnit\":\"ENG\"}")
                .statusCode()).isEqualTo(201);
        EvidenceRecorded before = evidence(learner, 0.85, DAY1, DAY1.plusSeconds(1));
        send(kafka, EventTypes.EVIDENCE_RECORDED, learner, before);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                service.get("/api/learners/" + learner + "/evidence", admin).body().contains(before.evidenceId()));

        assertThat(ServiceClient.delete(service.port(), "/api/learners/" + learner,
                TestTokens.token(learner, "LEARNER")).statusCode()).as("only admins erase").isEqualTo(403);
        assertThat(ServiceClient.delete(service.port(), "/api/learners/" + learner, admin).statusCode())
                .isEqualTo(204);
        assertThat(ServiceClient.delete(service.port(), "/api/learners/" + learner, admin).statusCode())
                .as("erasing twice").isEqualTo(204);

        List<ConsumerRecord<String, byte[]>> learnerEvents = ServiceClient.records(Topics.LEARNERS, learner,
                found -> found.stream().anyMatch(r -> type(r).equals(EventTypes.LEARNER_ERASED)),
                Duration.ofSeconds(30));
        assertThat(learnerEvents).extracting(MasteryFlowIT::type)
                .containsExactly(EventTypes.LEARNER_REGISTERED, EventTypes.LEARNER_ERASED);
        assertThat(everyRecordAsText(Topics.LEARNERS)).as("the reader sees the learner's records")
                .filteredOn(text -> text.startsWith(learner + " ")).hasSize(2);
        for (String topic : List.of(Topics.LEARNERS, Topics.deadLetter(Topics.LEARNERS))) {
            assertThat(everyRecordAsText(topic)).as("every record of %s from offset 0", topic)
                    .allSatisfy(text -> assertThat(text).doesNotContainIgnoringCase(name)
                            .doesNotContainIgnoringCase(email).doesNotContainIgnoringCase(email.replace("@", "%40")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                service.get("/api/learners/" + learner, admin).statusCode() == 404);
        assertThat(JSON.readTree(service.get("/api/learners/" + learner + "/evidence", admin).body())).isEmpty();
        assertThat(JSON.readTree(service.get("/api/learners/" + learner + "/mastery", admin).body())).isEmpty();

        send(kafka, EventTypes.EVIDENCE_RECORDED, learner, evidence(learner, 0.9, DAY3, DAY3.plusSeconds(1)));
        // A learner on the same partition: once its evidence is in, the erased learner's was handled before it.
        String neighbour = samePartitionAs(learner);
        EvidenceRecorded marker = evidence(neighbour, 0.5, DAY3, DAY3.plusSeconds(1));
        send(kafka, EventTypes.EVIDENCE_RECORDED, neighbour, marker);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                service.get("/api/learners/" + neighbour + "/evidence", admin).body().contains(marker.evidenceId()));
        assertThat(JSON.readTree(service.get("/api/learners/" + learner + "/evidence", admin).body()))
                .as("evidence after erasure is not kept").isEmpty();
        MongoDatabase store = service.bean(MongoDatabase.class);
        assertThat(store.getCollection("evidence_timeline").countDocuments(Filters.eq("learnerId", learner)))
                .as("no timeline entry names the erased learner").isZero();
        assertThat(store.getCollection("current_mastery").countDocuments(Filters.eq("learnerId", learner)))
                .as("no recorded mastery names the erased learner").isZero();
        assertThat(store.getCollection("current_rollups").countDocuments(Filters.eq("learnerId", learner)))
                .as("no recorded roll-up names the erased learner").isZero();
        assertThat(ServiceClient.delete(service.port(), "/api/learners/" + UUID.randomUUID(), admin).statusCode())
                .as("unknown learner").isEqualTo(404);
    }

    /**
     * Every record of {@code topic} from offset 0 to its end, read with a plain consumer: key, value and each header as
     * text (a missing value as nothing), one entry per record.
     */
    private static List<String> everyRecordAsText(String topic) {
        return KafkaTestClient.records(topic, record -> true).stream().map(record -> {
            StringBuilder text = new StringBuilder().append(record.key()).append(' ')
                    .append(record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8));
            record.headers().forEach(header -> text.append(' ').append(header.key()).append('=')
                    .append(header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8)));
            return text.toString();
        }).toList();
    }

    /** Another key that Kafka's default partitioner puts on the same partition of the evidence topic. */
    private static String samePartitionAs(String key) {
        int partitions = ServiceClient.partitionCount(Topics.EVIDENCE);
        int target = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
        while (true) {
            String candidate = UUID.randomUUID().toString();
            if (Utils.toPositive(Utils.murmur2(candidate.getBytes(StandardCharsets.UTF_8))) % partitions == target) {
                return candidate;
            }
        }
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return KafkaTestClient.header(record, "ce_type");
    }

    @Test
    void publishesMasteryChangeWithFoldedLevel_whenEvidenceArrives() {
        String learner = UUID.randomUUID().toString();
        EvidenceRecorded first = evidence(learner, 0.85, DAY1, DAY1.plusSeconds(1));
        EvidenceRecorded second = evidence(learner, 0.9, DAY3, DAY3.plusSeconds(1));
        send(kafka, EventTypes.EVIDENCE_RECORDED, learner, first);
        send(kafka, EventTypes.EVIDENCE_RECORDED, learner, second);

        List<MasteryChanged> changes = changes(learner, 2);

        MasteryResult expected = foldFromScratch(framework, List.of(first, second), Set.of());
        assertThat(changes).hasSize(2);
        MasteryChanged held = changes.get(0);
        // one item of the two the policy requires: PROFICIENT's score, held at the level below mastery
        assertThat(held.level()).isEqualTo("DEVELOPING");
        assertThat(held.mastered()).isFalse();
        assertThat(held.score()).isEqualTo(0.85);
        MasteryChanged last = changes.get(1);
        assertThat(last.level()).isEqualTo("PROFICIENT").isEqualTo(expected.levelCode());
        assertThat(last.score()).isEqualTo(expected.score());
        assertThat(last.mastered()).isTrue();
        assertThat(last.previousScore()).isEqualTo(0.85);
        assertThat(last.cause()).isEqualTo(MasteryChanged.ChangeCause.EVIDENCE_RECORDED);
        assertThat(last.triggeringEvidenceId()).isEqualTo(second.evidenceId());
        assertThat(last.frameworkVersion()).isEqualTo(3);
        assertThat(last.policyVersion()).isEqualTo(2);
    }

    @Test
    void publishesParentRollUp_whenRequiredChildIsMastered() {
        String learner = UUID.randomUUID().toString();
        EvidenceRecorded first = evidence(learner, 0.85, DAY1, DAY1.plusSeconds(1));
        EvidenceRecorded second = evidence(learner, 0.9, DAY3, DAY3.plusSeconds(1));
        send(kafka, EventTypes.EVIDENCE_RECORDED, learner, first);
        send(kafka, EventTypes.EVIDENCE_RECORDED, learner, second);

        List<ConsumerRecord<String, byte[]>> records = ServiceClient.parentMasteryRecords(learner,
                found -> found.size() >= 2, Duration.ofSeconds(45));
        List<ParentMasteryChanged> parents = records.stream()
                .map(r -> JSON.readValue(r.value(), ParentMasteryChanged.class)).toList();

        // The example framework rolls 414e5166 up by POINTS (1.5 needed, f82522b5 required) from two children.
        assertThat(parents).hasSize(2);
        ParentMasteryChanged held = parents.get(0);
        assertThat(held.competencyId()).isEqualTo(PARENT);
        assertThat(held.rule()).isEqualTo(ParentMasteryChanged.RollupRule.POINTS);
        assertThat(held.mastered()).isFalse();
        // the required child, held at DEVELOPING by the minimum-evidence rule, earns 2 points but is not mastered
        assertThat(held.points()).isEqualTo(2);
        assertThat(held.previousPoints()).isNull();
        ParentMasteryChanged mastered = parents.get(1);
        assertThat(mastered.mastered()).isTrue();
        assertThat(mastered.previouslyMastered()).isFalse();
        assertThat(mastered.level()).isEqualTo("PROFICIENT");
        assertThat(mastered.points()).isEqualTo(3);
        assertThat(mastered.previousPoints()).isEqualTo(2);
        assertThat(mastered.pointsTarget()).isEqualTo(1.5);
        assertThat(mastered.triggeringCompetencyId()).isEqualTo(first.competencyId());
        assertThat(mastered.triggeringEvidenceId()).isEqualTo(second.evidenceId());
        assertThat(mastered.children())
                .extracting(ParentMasteryChanged.Child::competencyId, ParentMasteryChanged.Child::required)
                .containsExactly(tuple(first.competencyId(), true),
                        tuple("0c53df7e-a725-4159-a5c7-c0c3a46ec709", false));
        assertThat(ServiceClient.masteryRecords(learner, found -> found.size() >= 2, Duration.ofSeconds(10)))
                .as("the children's changes are still mastery.changed").hasSize(2);

        // Changes hold at the latest evidence, before read-time decay: the query at that instant agrees. The query
        // rolls up from the read models, which catch up on their own.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode queried = JSON.readTree(service.get("/api/learners/" + learner + "/mastery/" + PARENT
                    + "?asOf=" + second.occurredAt(), TestTokens.token(learner, "LEARNER")).body());
            assertThat(queried.path("level").asString()).isEqualTo(mastered.level());
            assertThat(queried.path("rollup").path("points").asInt()).isEqualTo(mastered.points());
        });
    }

    @Test
    void emitsOneChange_whenSameEvidenceArrivesTwice() {
        String learner = UUID.randomUUID().toString();
        EvidenceRecorded evidence = evidence(learner, 0.6, DAY1, DAY1.plusSeconds(1));
        send(kafka, EventTypes.EVIDENCE_RECORDED, learner, evidence);
        send(kafka, EventTypes.EVIDENCE_RECORDED, learner, evidence);
        EvidenceRecorded marker = evidence(learner, 0.95, DAY3, DAY3.plusSeconds(1));
        send(kafka, EventTypes.EVIDENCE_RECORDED, learner, marker);

        List<MasteryChanged> changes = changes(learner, 2);

        assertThat(changes).extracting(MasteryChanged::triggeringEvidenceId)
                .containsExactly(evidence.evidenceId(), marker.evidenceId());
        assertThat(changes.get(1).evidenceCount()).isEqualTo(2);
    }

    @Test
    void storesTheRestOfThePolledBatch_whenOneRecordBreaksTheContractAndOneCommandFails() {
        String learner = UUID.randomUUID().toString();
        String neighbour = samePartitionAs(learner);
        EvidenceRecorded first = evidence(learner, 0.6, DAY1, DAY1.plusSeconds(1));
        EvidenceRecorded neighbours = evidence(neighbour, 0.7, DAY1, DAY1.plusSeconds(1));
        EvidenceRecorded refused = evidence(learner, 0.9, DAY1.plusSeconds(60), DAY1.plusSeconds(61));
        EvidenceRecorded after = evidence(learner, 0.8, DAY3, DAY3.plusSeconds(1));
        EvidenceRecorded neighboursAfter = evidence(neighbour, 0.95, DAY3, DAY3.plusSeconds(1));
        ObjectNode broken = JSON.valueToTree(evidence(neighbour, 0.5, DAY1, DAY1.plusSeconds(1)));
        broken.put("score", 1.5);
        ProducerRecord<String, byte[]> unreadable = contractRecord(EventTypes.EVIDENCE_RECORDED, neighbour,
                JSON.writeValueAsBytes(broken));
        unreadable.headers().add("test-marker", "score-out-of-range".getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> refusedRecord = evidenceRecord(refused);
        refusedRecord.headers().add("test-marker", "refused".getBytes(StandardCharsets.UTF_8));
        // The learner's command for one evidence fails after the learner applied it, with an error the error handler
        // does not retry: nothing loads the learner again before the next evidence.
        Registration failing = service.bean(CommandBus.class).registerHandlerInterceptor((unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (unitOfWork.getMessage().getPayload() instanceof RecordEvidence command
                    && command.evidence().evidenceId().equals(refused.evidenceId())) {
                throw new PoisonMessageException("Refused evidence " + refused.evidenceId());
            }
            return result;
        });
        try {
            kafka.sendTogether(List.of(evidenceRecord(first), evidenceRecord(neighbours), refusedRecord,
                    unreadable, evidenceRecord(after), evidenceRecord(neighboursAfter)));

            ConsumerRecord<String, byte[]> deadRefused = KafkaTestClient.awaitRecord(
                    Topics.deadLetter(Topics.EVIDENCE), r -> "refused".equals(KafkaTestClient.header(r, "test-marker")));
            assertThat(KafkaTestClient.header(deadRefused, "kafka_dlt-exception-message"))
                    .contains(refused.evidenceId());
            ConsumerRecord<String, byte[]> deadBroken = KafkaTestClient.awaitRecord(
                    Topics.deadLetter(Topics.EVIDENCE),
                    r -> "score-out-of-range".equals(KafkaTestClient.header(r, "test-marker")));
            assertThat(KafkaTestClient.header(deadBroken, "kafka_dlt-exception-message")).contains("score");
        } finally {
            failing.cancel();
        }

        String admin = TestTokens.token("admin-1", "ADMIN");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                service.get("/api/learners/" + neighbour + "/evidence", admin).body()
                        .contains(neighboursAfter.evidenceId())
                        && service.get("/api/learners/" + learner + "/evidence", admin).body()
                        .contains(after.evidenceId()));
        assertThat(timelineIds(learner, admin)).as("evidence around the refused one, once each")
                .containsExactlyInAnyOrder(first.evidenceId(), after.evidenceId());
        assertThat(timelineIds(neighbour, admin)).containsExactlyInAnyOrder(neighbours.evidenceId(),
                neighboursAfter.evidenceId());
        assertThat(changes(learner, 2)).extracting(MasteryChanged::triggeringEvidenceId)
                .containsExactly(first.evidenceId(), after.evidenceId());
        assertThat(changes(neighbour, 2)).extracting(MasteryChanged::triggeringEvidenceId)
                .containsExactly(neighbours.evidenceId(), neighboursAfter.evidenceId());
        assertThat(service.bean(MongoDatabase.class).getCollection("domainevents").countDocuments(Filters.and(
                Filters.eq("aggregateIdentifier", learner),
                Filters.eq("payloadType", EvidenceAccepted.class.getName()))))
                .as("the refused evidence left nothing in the event store").isEqualTo(2);

        // Sent again once the store takes it, the refused evidence counts: the learner did not keep it in memory.
        kafka.send(evidenceRecord(refused));
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineIds(learner, admin).contains(refused.evidenceId()));
        assertThat(changes(learner, 3)).extracting(MasteryChanged::triggeringEvidenceId)
                .containsExactly(first.evidenceId(), after.evidenceId(), refused.evidenceId());
        List<Long> sequence = new ArrayList<>();
        service.bean(MongoDatabase.class).getCollection("domainevents").find(Filters.eq("aggregateIdentifier", learner))
                .forEach(event -> sequence.add(event.getLong("sequenceNumber")));
        sequence.sort(null);
        assertThat(sequence).as("the learner's events, numbered without holes")
                .isEqualTo(java.util.stream.LongStream.range(0, sequence.size()).boxed().toList());
    }

    private static ProducerRecord<String, byte[]> evidenceRecord(EvidenceRecorded evidence) {
        return contractRecord(EventTypes.EVIDENCE_RECORDED, evidence.learnerId(), JSON.writeValueAsBytes(evidence));
    }

    private static List<String> timelineIds(String learner, String token) {
        List<String> ids = new ArrayList<>();
        JSON.readTree(service.get("/api/learners/" + learner + "/evidence", token).body())
                .forEach(entry -> ids.add(entry.path("evidence").path("evidenceId").asString()));
        return ids;
    }

    @Test
    void changesNothing_whenIdenticalRecordsAndVoidsAreRedelivered() {
        String learner = UUID.randomUUID().toString();
        EvidenceRecorded first = evidence(learner, 0.8, DAY1, DAY1.plusSeconds(1));
        EvidenceRecorded second = evidence(learner, 0.9, DAY3, DAY3.plusSeconds(1));
        ProducerRecord<String, byte[]> firstRecord = contractRecord(EventTypes.EVIDENCE_RECORDED, learner,
                JSON.writeValueAsBytes(first));
        ProducerRecord<String, byte[]> voidRecord = contractRecord(EventTypes.EVIDENCE_VOIDED, learner,
                JSON.writeValueAsBytes(Examples.voiding(second, DAY3.plusSeconds(3600))));
        kafka.send(firstRecord);
        kafka.send(firstRecord);
        send(kafka, EventTypes.EVIDENCE_RECORDED, learner, second);
        kafka.send(voidRecord);
        kafka.send(voidRecord);
        EvidenceRecorded marker = evidence(learner, 0.95, DAY3.plusSeconds(7200), DAY3.plusSeconds(7201));
        send(kafka, EventTypes.EVIDENCE_RECORDED, learner, marker);

        List<MasteryChanged> changes = changes(learner, 4);

        assertThat(changes).extracting(MasteryChanged::triggeringEvidenceId)
                .containsExactly(first.evidenceId(), second.evidenceId(), second.evidenceId(), marker.evidenceId());
        assertThat(changes).extracting(MasteryChanged::cause).containsExactly(
                MasteryChanged.ChangeCause.EVIDENCE_RECORDED, MasteryChanged.ChangeCause.EVIDENCE_RECORDED,
                MasteryChanged.ChangeCause.EVIDENCE_VOIDED, MasteryChanged.ChangeCause.EVIDENCE_RECORDED);
        assertThat(changes.get(3).evidenceCount()).isEqualTo(2);
    }

    @Test
    void publishesRecomputedLevel_whenEvidenceIsVoided() {
        String learner = UUID.randomUUID().toString();
        EvidenceRecorded first = evidence(learner, 0.8, DAY1, DAY1.plusSeconds(1));
        EvidenceRecorded second = evidence(learner, 0.9, DAY3, DAY3.plusSeconds(1));
        send(kafka, EventTypes.EVIDENCE_RECORDED, learner, first);
        send(kafka, EventTypes.EVIDENCE_RECORDED, learner, second);
        send(kafka, EventTypes.EVIDENCE_VOIDED, learner, Examples.voiding(second, DAY3.plusSeconds(3600)));

        List<MasteryChanged> changes = changes(learner, 3);

        MasteryChanged voided = changes.get(2);
        assertThat(voided.cause()).isEqualTo(MasteryChanged.ChangeCause.EVIDENCE_VOIDED);
        assertThat(voided.triggeringEvidenceId()).isEqualTo(second.evidenceId());
        assertThat(voided.previousLevel()).isEqualTo("PROFICIENT");
        assertThat(voided.level()).isEqualTo(foldFromScratch(framework, List.of(first, second),
                Set.of(second.evidenceId())).levelCode()).isEqualTo("DEVELOPING");
        assertThat(voided.evidenceCount()).isEqualTo(1);
    }

    @Test
    void neverCountsEvidence_whoseVoidArrivedFirst() {
        String learner = UUID.randomUUID().toString();
        EvidenceRecorded first = evidence(learner, 0.8, DAY1, DAY1.plusSeconds(1));
        EvidenceRecorded voidedFirst = evidence(learner, 0.9, DAY3, DAY3.plusSeconds(1));
        Instant voidedAt = DAY3.minusSeconds(3600);
        ProducerRecord<String, byte[]> voidRecord = contractRecord(EventTypes.EVIDENCE_VOIDED, learner,
                JSON.writeValueAsBytes(Examples.voiding(voidedFirst, voidedAt)));
        send(kafka, EventTypes.EVIDENCE_RECORDED, learner, first);
        kafka.send(voidRecord);
        send(kafka, EventTypes.EVIDENCE_RECORDED, learner, voidedFirst);
        kafka.send(voidRecord);
        send(kafka, EventTypes.EVIDENCE_RECORDED, learner, voidedFirst);
        EvidenceRecorded marker = evidence(learner, 0.7, DAY3.plusSeconds(7200), DAY3.plusSeconds(7201));
        send(kafka, EventTypes.EVIDENCE_RECORDED, learner, marker);

        List<MasteryChanged> changes = ServiceClient.masteryRecords(learner, found -> found.stream()
                        .anyMatch(r -> marker.evidenceId().equals(JSON.readValue(r.value(), MasteryChanged.class)
                                .triggeringEvidenceId())), Duration.ofSeconds(45)).stream()
                .map(r -> JSON.readValue(r.value(), MasteryChanged.class)).toList();

        assertThat(changes).noneMatch(change -> change.cause() == MasteryChanged.ChangeCause.EVIDENCE_RECORDED
                && voidedFirst.evidenceId().equals(change.triggeringEvidenceId()));
        MasteryChanged last = changes.get(changes.size() - 1);
        assertThat(last.triggeringEvidenceId()).isEqualTo(marker.evidenceId());
        assertThat(last.evidenceCount()).isEqualTo(2);
        assertThat(last.level()).isEqualTo(foldFromScratch(framework, List.of(first, voidedFirst, marker),
                Set.of(voidedFirst.evidenceId())).levelCode());

        String token = TestTokens.token(learner, "LEARNER");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(JSON.readTree(service.get(
                        "/api/learners/" + learner + "/evidence", token).body()))
                .extracting(entry -> entry.path("evidence").path("evidenceId").asString(),
                        entry -> entry.path("voidedAt").isNull() ? null : entry.path("voidedAt").asString())
                .containsExactlyInAnyOrder(tuple(first.evidenceId(), null),
                        tuple(voidedFirst.evidenceId(), voidedAt.toString()), tuple(marker.evidenceId(), null)));
        String path = "/api/learners/" + learner + "/mastery/" + first.competencyId();
        JsonNode now = JSON.readTree(service.get(path, token).body());
        JsonNode knownOnceArrived = JSON.readTree(service.get(path + "?asOf=2025-03-12T11:00:00Z"
                + "&knownAt=2025-03-12T10:00:10Z", token).body());
        JsonNode knownBeforeItArrived = JSON.readTree(service.get(path + "?asOf=2025-03-12T11:00:00Z"
                + "&knownAt=2025-03-12T10:00:00Z", token).body());
        assertThat(now.path("evidenceCount").asInt()).isEqualTo(2);
        assertThat(knownOnceArrived.path("evidenceCount").asInt()).isEqualTo(1);
        assertThat(knownOnceArrived.path("evidenceNotYetKnown").asInt()).isEqualTo(1);
        assertThat(knownBeforeItArrived.path("evidenceCount").asInt()).isEqualTo(1);
        assertThat(knownBeforeItArrived.path("evidenceNotYetKnown").asInt()).isEqualTo(2);
    }

    @Test
    void answersMasteryAsOfAndKnownAt_whenLearnerHasHistory() {
        String learner = UUID.randomUUID().toString();
        EvidenceRecorded first = evidence(learner, 0.85, DAY1, DAY1.plusSeconds(1));
        EvidenceRecorded second = evidence(learner, 0.9, DAY3, DAY3.plusSeconds(1));
        send(kafka, EventTypes.EVIDENCE_RECORDED, learner, first);
        send(kafka, EventTypes.EVIDENCE_RECORDED, learner, second);
        changes(learner, 2);
        String token = TestTokens.token(learner, "LEARNER");
        String path = "/api/learners/" + learner + "/mastery/" + first.competencyId();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                JSON.readTree(service.get(path, token).body()).path("evidenceCount").asInt() == 2);

        JsonNode between = JSON.readTree(service.get(path + "?asOf=2025-03-11T00:00:00Z", token).body());
        JsonNode after = JSON.readTree(service.get(path + "?asOf=2025-03-12T12:00:00Z", token).body());
        JsonNode knownBefore = JSON.readTree(service.get(path + "?asOf=2025-03-12T12:00:00Z"
                + "&knownAt=2025-03-11T00:00:00Z", token).body());

        assertThat(between.path("evidenceCount").asInt()).isEqualTo(1);
        assertThat(between.path("evidenceAfterAsOf").asInt()).isEqualTo(1);
        assertThat(between.path("explanation").path("exclusions")).isEmpty();
        assertThat(between.path("level").asString()).isEqualTo("DEVELOPING");
        assertThat(between.path("mastered").asBoolean()).isFalse();
        assertThat(between.path("explanation").path("rule").asString()).isEqualTo("MINIMUM_EVIDENCE");
        MasteryResult expected = MasteryFold.fold(first.competencyId(), policy(framework),
                List.of(toEvidence(first), toEvidence(second)), Instant.parse("2025-03-12T12:00:00Z"));
        assertThat(after.path("level").asString()).isEqualTo(expected.levelCode()).isEqualTo("PROFICIENT");
        assertThat(after.path("score").asDouble()).isEqualTo(expected.score());
        assertThat(after.path("explanation").path("contributions")).hasSize(2);
        assertThat(knownBefore.path("evidenceCount").asInt()).isEqualTo(1);
        assertThat(knownBefore.path("evidenceNotYetKnown").asInt()).isEqualTo(1);
        assertThat(knownBefore.path("evidenceAfterAsOf").asInt()).isZero();
        assertThat(knownBefore.path("explanation").path("exclusions")).isEmpty();

        HttpResponse<String> other = service.get(path, TestTokens.token("someone-else", "LEARNER"));
        assertThat(other.statusCode()).isEqualTo(403);
    }

    @Test
    void recomputesToFromScratchFold_whenNewFrameworkVersionChangesPolicy() {
        FrameworkPublished own = Examples.publishFramework(kafka, service,
                Examples.withId(framework, UUID.randomUUID().toString()));
        String learner = UUID.randomUUID().toString();
        EvidenceRecorded first = evidence(own.frameworkId(), learner, 0.5, DAY1, DAY1.plusSeconds(1));
        EvidenceRecorded second = evidence(own.frameworkId(), learner, 0.95, DAY3, DAY3.plusSeconds(1));
        send(kafka, EventTypes.EVIDENCE_RECORDED, learner, first);
        send(kafka, EventTypes.EVIDENCE_RECORDED, learner, second);
        assertThat(changes(learner, 2).get(1).level()).isEqualTo("PROFICIENT");
        FrameworkPublished next = Examples.withPolicy(own, 4, """
                {"policyVersion": 3, "method": {"type": "AVERAGE"}, "sourceWeights": {}, "minimumEvidence": 1,
                 "manualRatingPrecedence": "UNTIL_NEWER_EVIDENCE"}""");
        String admin = TestTokens.token("admin-1", "ADMIN");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                service.get("/api/learners/" + learner + "/evidence", admin).body().contains(second.evidenceId()));

        JsonNode preview = JSON.readTree(ServiceClient.post(service.port(), "/api/learners/admin/policy-preview",
                admin, JSON.writeValueAsString(next)).body());
        JsonNode authorsPreview = JSON.readTree(ServiceClient.post(service.port(),
                "/api/learners/admin/policy-preview", TestTokens.token("author-1", "AUTHOR"),
                JSON.writeValueAsString(next)).body());
        Examples.publishFramework(kafka, service, next);
        List<MasteryChanged> changes = changes(learner, 3);

        // An author sees what the policy would change, not for whom.
        assertThat(authorsPreview.path("changes")).hasSize(2);
        assertThat(authorsPreview.path("changes")).allSatisfy(change ->
                assertThat(change.path("learnerId").isNull()).isTrue());
        assertThat(authorsPreview.path("changes").get(0).path("newLevel").asString()).isEqualTo("DEVELOPING");

        // The child falls to DEVELOPING, and with it the parent that requires it: both are previewed.
        assertThat(preview.path("changes")).hasSize(2);
        assertThat(preview.path("changes").get(0).path("learnerId").asString()).isEqualTo(learner);
        assertThat(preview.path("changes").get(0).path("newLevel").asString()).isEqualTo("DEVELOPING");
        JsonNode parentPreview = preview.path("changes").get(1);
        assertThat(parentPreview.path("competencyId").asString()).isEqualTo(PARENT);
        assertThat(parentPreview.path("currentlyMastered").asBoolean()).isTrue();
        assertThat(parentPreview.path("newlyMastered").asBoolean()).isFalse();
        assertThat(parentPreview.path("newMethod").asString()).isEqualTo("ROLL_UP(POINTS)");
        ParentMasteryChanged parentChange = JSON.readValue(ServiceClient.parentMasteryRecords(learner,
                found -> found.size() >= 3, Duration.ofSeconds(45)).get(2).value(), ParentMasteryChanged.class);
        assertThat(parentChange.cause()).isEqualTo(MasteryChanged.ChangeCause.POLICY_CHANGED);
        assertThat(parentChange.mastered()).isEqualTo(parentPreview.path("newlyMastered").asBoolean());
        assertThat(parentChange.level()).isEqualTo(parentPreview.path("newLevel").asString(null));
        MasteryChanged recomputed = changes.get(2);
        MasteryResult expected = foldFromScratch(next, List.of(first, second), Set.of());
        assertThat(recomputed.cause()).isEqualTo(MasteryChanged.ChangeCause.POLICY_CHANGED);
        assertThat(recomputed.frameworkVersion()).isEqualTo(4);
        assertThat(recomputed.policyVersion()).isEqualTo(3);
        assertThat(recomputed.level()).isEqualTo(expected.levelCode()).isEqualTo("DEVELOPING");
        assertThat(recomputed.score()).isEqualTo(expected.score());
        assertThat(recomputed.previousLevel()).isEqualTo("PROFICIENT");
    }

    @Test
    void endsParentRollUp_whenNewFrameworkVersionDropsItsRule() {
        FrameworkPublished own = Examples.publishFramework(kafka, service,
                Examples.withId(framework, UUID.randomUUID().toString()));
        String learner = UUID.randomUUID().toString();
        String admin = TestTokens.token("admin-1", "ADMIN");
        register(learner, admin);
        send(kafka, EventTypes.EVIDENCE_RECORDED, learner, evidence(own.frameworkId(), learner, 0.85, DAY1,
                DAY1.plusSeconds(1)));
        send(kafka, EventTypes.EVIDENCE_RECORDED, learner, evidence(own.frameworkId(), learner, 0.9, DAY3,
                DAY3.plusSeconds(1)));
        ServiceClient.parentMasteryRecords(learner, found -> found.size() >= 2, Duration.ofSeconds(45));
        // The profile shows the rolled-up parent next to its children.
        await().atMost(Duration.ofSeconds(30)).until(() -> parentInProfile(learner, admin) != null);
        assertThat(parentInProfile(learner, admin).path("rolledUp").asBoolean()).isTrue();
        assertThat(parentInProfile(learner, admin).path("mastered").asBoolean()).isTrue();
        assertThat(parentInProfile(learner, admin).path("method").asString()).isEqualTo("ROLL_UP(POINTS)");

        FrameworkPublished next = Examples.withoutRollUp(own, own.version() + 1);
        JsonNode preview = JSON.readTree(ServiceClient.post(service.port(), "/api/learners/admin/policy-preview",
                admin, JSON.writeValueAsString(next)).body());
        Examples.publishFramework(kafka, service, next);

        // The parent has no evidence of its own: without its rule it has no mastery at all.
        assertThat(preview.path("changes")).singleElement().satisfies(change -> {
            assertThat(change.path("competencyId").asString()).isEqualTo(PARENT);
            assertThat(change.path("currentlyMastered").asBoolean()).isTrue();
            assertThat(change.path("newlyMastered").asBoolean()).isFalse();
            assertThat(change.path("newLevel").isNull()).isTrue();
            assertThat(change.path("why").asString()).contains("no longer rolls this parent up");
        });
        List<ConsumerRecord<String, byte[]>> ended = ServiceClient.rollupEndedRecords(learner,
                found -> !found.isEmpty(), Duration.ofSeconds(45));
        assertThat(ended).hasSize(1);
        ParentRollupEnded end = JSON.readValue(ended.get(0).value(), ParentRollupEnded.class);
        assertThat(end.competencyId()).isEqualTo(PARENT);
        assertThat(end.frameworkVersion()).isEqualTo(next.version());
        assertThat(end.rolledUpUnder()).isEqualTo(own.version());
        assertThat(end.previousLevel()).isEqualTo("PROFICIENT");
        assertThat(end.previouslyMastered()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> parentInProfile(learner, admin) == null);
        JsonNode queried = JSON.readTree(service.get("/api/learners/" + learner + "/mastery", admin).body());
        assertThat(queried.findValuesAsString("competencyId")).doesNotContain(PARENT);
    }

    private static void register(String learner, String adminToken) {
        assertThat(ServiceClient.post(service.port(), "/api/learners", adminToken, "{\"learnerId\":\"" + learner
                + "\",\"displayName\":\"Ada\",\"email\":\"ada@example.org\",\"organisationUnit\":\"ENG\"}")
                .statusCode()).isEqualTo(201);
    }

    /** The parent's entry in the learner's profile, or null. */
    private static JsonNode parentInProfile(String learner, String token) {
        JsonNode profile = JSON.readTree(service.get("/api/learners/" + learner, token).body());
        for (JsonNode entry : profile.path("mastery")) {
            if (entry.path("competencyId").asString().equals(PARENT)) {
                return entry;
            }
        }
        return null;
    }

    private static final String PARENT = "414e5166-b309-46fe-8194-ed22825f5936";

    /** The first {@code count} mastery changes of a learner, in publication order. */
    static List<MasteryChanged> changes(String learner, int count) {
        List<ConsumerRecord<String, byte[]>> records = ServiceClient.masteryRecords(learner,
                found -> found.size() >= count, Duration.ofSeconds(45));
        assertThat(records).as("mastery.changed records of " + learner).hasSizeGreaterThanOrEqualTo(count);
        return records.stream().map(r -> JSON.readValue(r.value(), MasteryChanged.class)).toList();
    }

    private static MasteryResult foldFromScratch(FrameworkPublished framework, List<EvidenceRecorded> evidence,
            Set<String> voided) {
        String competencyId = evidence.get(0).competencyId();
        Instant asOf = evidence.stream().map(EvidenceRecorded::occurredAt).max(Instant::compareTo).orElseThrow();
        return MasteryFold.fold(competencyId, policy(framework), evidence.stream().map(MasteryFlowIT::toEvidence)
                .toList(), voided, asOf, Instant.MAX);
    }

    private static MasteryPolicy policy(FrameworkPublished framework) {
        return CataloguePolicies.policiesOf(framework).get("f82522b5-8a39-49ed-8fc9-acfef26216d4");
    }

    private static Evidence toEvidence(EvidenceRecorded e) {
        return new Evidence(e.evidenceId(), e.competencyId(), e.score(), SourceType.valueOf(e.sourceType().name()),
                e.actor().id(), e.occurredAt(), e.recordedAt());
    }
}
