package dev.competency.assessments.xapi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.competency.assessments.evidence.domain.EvidenceIds;
import dev.competency.assessments.support.EvidenceTopic;
import dev.competency.platform.test.ServiceHttp;
import dev.competency.assessments.support.SharedService;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.learners.MailboxHash;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Statements on aligned activities become evidence on the public stream, exactly once; voiding voids it. */
class StatementEvidenceIT {

    private static final String API_DESIGN = "f82522b5-8a39-49ed-8fc9-acfef26216d4";
    private static final String API_EVOLUTION = "0c53df7e-a725-4159-a5c7-c0c3a46ec709";
    private static FrameworkPublished framework;
    private static String key;
    private static String secret;
    private static String alignedActivity;

    @BeforeAll
    static void setUp() {
        framework = SharedService.publishFramework();
        ServiceHttp admin = SharedService.http().bearer(TestTokens.token("admin-1", "ADMIN"));
        JsonNode client = admin.json(admin.post("/api/assessments/xapi-clients", "{\"name\":\"API design simulation\"}"));
        key = client.path("key").asString();
        secret = client.path("secret").asString();
        alignedActivity = "https://sims.example.com/api-design/" + UUID.randomUUID();
        HttpResponse<String> aligned = SharedService.http().bearer(TestTokens.token("author-1", "AUTHOR"))
                .post("/api/assessments/activity-alignments", "{\"activityId\":\"" + alignedActivity + "\",\"frameworkId\":\""
                        + framework.frameworkId() + "\",\"frameworkVersion\":" + framework.version()
                        + ",\"competencyIds\":[\"" + API_DESIGN + "\",\"" + API_EVOLUTION + "\"]}");
        assertThat(aligned.statusCode()).as(aligned.body()).isEqualTo(201);
    }

    private static ServiceHttp lrs() {
        return SharedService.http().basic(key, secret).xapi();
    }

    private static String statement(String learnerId, String activity, String timestamp) {
        return "{\"actor\":{\"account\":{\"homePage\":\"" + SharedService.LEARNER_HOME_PAGE + "\",\"name\":\""
                + learnerId + "\"}},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/passed\"},\"object\":{\"id\":\""
                + activity + "\"},\"result\":{\"score\":{\"raw\":16,\"min\":0,\"max\":20}},\"timestamp\":\""
                + timestamp + "\"}";
    }

    private static List<ConsumerRecord<String, byte[]>> evidenceOf(String type, String statementId) {
        return EvidenceTopic.records(EvidenceTopic.ofType(type).and(record -> {
            JsonNode payload = EvidenceTopic.payload(record);
            return statementId.equals(payload.path("provenance").path("statementId").asString())
                    || payload.path("reason").asString().contains(statementId);
        }));
    }

    private static void awaitEvidence(String type, String statementId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> evidenceOf(type, statementId).size() >= count);
    }

    @Test
    void recordsEvidenceForRegisteredLearner_whenActorGivesMboxOrMboxSha1sum() {
        String email = "xapi-" + UUID.randomUUID() + "@example.com";
        String learnerId = SharedService.registerLearner("Platform engineering", email);
        String byMbox = UUID.randomUUID().toString();
        String byHash = UUID.randomUUID().toString();
        String rest = ",\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/passed\"},\"object\":{\"id\":\""
                + alignedActivity + "\"},\"result\":{\"score\":{\"scaled\":0.7}},\"timestamp\":\"2026-11-22T09:30:00Z\"}";

        assertThat(lrs().put("/xapi/statements?statementId=" + byMbox, "{\"actor\":{\"mbox\":\"mailto:"
                + email.toUpperCase() + "\"}" + rest).statusCode()).isEqualTo(204);
        assertThat(lrs().put("/xapi/statements?statementId=" + byHash, "{\"actor\":{\"mbox_sha1sum\":\""
                + MailboxHash.ofAddress(email) + "\"}" + rest).statusCode()).isEqualTo(204);
        awaitEvidence(EventTypes.EVIDENCE_RECORDED, byMbox, 2);
        awaitEvidence(EventTypes.EVIDENCE_RECORDED, byHash, 2);

        assertThat(evidenceOf(EventTypes.EVIDENCE_RECORDED, byMbox)).extracting(ConsumerRecord::key)
                .containsOnly(learnerId);
        assertThat(evidenceOf(EventTypes.EVIDENCE_RECORDED, byHash)).extracting(ConsumerRecord::key)
                .containsOnly(learnerId);
    }

    @Test
    void recordsEvidenceOncePerCompetency_whenSameStatementIsPutTwice() {
        String learnerId = UUID.randomUUID().toString();
        String statementId = UUID.randomUUID().toString();
        String body = statement(learnerId, alignedActivity, "2026-11-20T09:30:00Z");

        assertThat(lrs().put("/xapi/statements?statementId=" + statementId, body).statusCode()).isEqualTo(204);
        awaitEvidence(EventTypes.EVIDENCE_RECORDED, statementId, 2);
        assertThat(lrs().put("/xapi/statements?statementId=" + statementId, body).statusCode()).isEqualTo(204);
        String marker = UUID.randomUUID().toString();
        lrs().put("/xapi/statements?statementId=" + marker, statement(learnerId, alignedActivity,
                "2026-11-21T09:30:00Z"));
        awaitEvidence(EventTypes.EVIDENCE_RECORDED, marker, 2);

        List<ConsumerRecord<String, byte[]>> records = evidenceOf(EventTypes.EVIDENCE_RECORDED, statementId);
        assertThat(records).hasSize(2);
        assertThat(records).allSatisfy(record -> {
            assertThat(EvidenceTopic.violations(record)).isEmpty();
            assertThat(record.key()).isEqualTo(learnerId);
            JsonNode evidence = EvidenceTopic.payload(record);
            assertThat(KafkaTestClient.header(record, "ce_id")).isEqualTo(
                    EvidenceIds.recordedEventId(evidence.path("evidenceId").asString()).toString());
            assertThat(evidence.path("evidenceId").asString()).isEqualTo(
                    EvidenceIds.forStatement(statementId, evidence.path("competencyId").asString()));
            assertThat(evidence.path("learnerId").asString()).isEqualTo(learnerId);
            assertThat(evidence.path("frameworkId").asString()).isEqualTo(framework.frameworkId());
            assertThat(evidence.path("score").doubleValue()).isEqualTo(0.8);
            assertThat(evidence.path("rawScore").doubleValue()).isEqualTo(16.0);
            assertThat(evidence.path("maxScore").doubleValue()).isEqualTo(20.0);
            assertThat(evidence.path("sourceType").asString()).isEqualTo("XAPI");
            assertThat(evidence.path("actor").path("kind").asString()).isEqualTo("ACTIVITY_PROVIDER");
            assertThat(evidence.path("actor").path("id").asString()).isEqualTo(key);
            assertThat(evidence.path("occurredAt").asString()).isEqualTo("2026-11-20T09:30:00Z");
            assertThat(evidence.path("provenance").path("activityId").asString()).isEqualTo(alignedActivity);
        });
        assertThat(records).extracting(r -> EvidenceTopic.payload(r).path("competencyId").asString())
                .containsExactlyInAnyOrder(API_DESIGN, API_EVOLUTION);
    }

    @Test
    void voidsEvidence_whenStatementIsVoided() {
        String learnerId = UUID.randomUUID().toString();
        String statementId = UUID.randomUUID().toString();
        lrs().put("/xapi/statements?statementId=" + statementId, statement(learnerId, alignedActivity,
                "2026-11-22T10:00:00Z"));
        awaitEvidence(EventTypes.EVIDENCE_RECORDED, statementId, 2);

        HttpResponse<String> voiding = lrs().post("/xapi/statements", "{\"actor\":{\"mbox\":\"mailto:lrs-admin@"
                + "example.com\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/voided\"},\"object\":"
                + "{\"objectType\":\"StatementRef\",\"id\":\"" + statementId + "\"}}");
        assertThat(voiding.statusCode()).isEqualTo(200);

        awaitEvidence(EventTypes.EVIDENCE_VOIDED, statementId, 2);
        List<ConsumerRecord<String, byte[]>> voids = evidenceOf(EventTypes.EVIDENCE_VOIDED, statementId);
        assertThat(voids).allSatisfy(record -> assertThat(EvidenceTopic.violations(record)).isEmpty());
        assertThat(voids).extracting(r -> EvidenceTopic.payload(r).path("evidenceId").asString())
                .containsExactlyInAnyOrder(EvidenceIds.forStatement(statementId, API_DESIGN),
                        EvidenceIds.forStatement(statementId, API_EVOLUTION));
    }

    @Test
    void publishesNoEvidence_whenStatementWasVoidedBeforeItArrived() {
        String learnerId = UUID.randomUUID().toString();
        String statementId = UUID.randomUUID().toString();
        String voidingId = UUID.randomUUID().toString();
        String voiding = "{\"actor\":{\"mbox\":\"mailto:lrs-admin@example.com\"},\"verb\":{\"id\":"
                + "\"http://adlnet.gov/expapi/verbs/voided\"},\"object\":{\"objectType\":\"StatementRef\",\"id\":\""
                + statementId + "\"}}";
        String body = statement(learnerId, alignedActivity, "2026-11-24T10:00:00Z");

        assertThat(lrs().put("/xapi/statements?statementId=" + voidingId, voiding).statusCode()).isEqualTo(204);
        assertThat(lrs().put("/xapi/statements?statementId=" + statementId, body).statusCode()).isEqualTo(204);
        assertThat(lrs().put("/xapi/statements?statementId=" + statementId, body).statusCode()).isEqualTo(204);
        assertThat(lrs().put("/xapi/statements?statementId=" + voidingId, voiding).statusCode()).isEqualTo(204);
        String marker = UUID.randomUUID().toString();
        lrs().put("/xapi/statements?statementId=" + marker, statement(learnerId, alignedActivity,
                "2026-11-24T11:00:00Z"));
        awaitEvidence(EventTypes.EVIDENCE_RECORDED, marker, 2);

        assertThat(lrs().get("/xapi/statements?statementId=" + statementId).statusCode()).isEqualTo(404);
        assertThat(lrs().get("/xapi/statements?voidedStatementId=" + statementId).statusCode()).isEqualTo(200);
        assertThat(evidenceOf(EventTypes.EVIDENCE_RECORDED, statementId)).isEmpty();
        assertThat(evidenceOf(EventTypes.EVIDENCE_VOIDED, statementId)).isEmpty();
    }

    @Test
    void storesWithoutEvidence_whenActivityIsNotAligned() {
        String learnerId = UUID.randomUUID().toString();
        String unaligned = UUID.randomUUID().toString();
        lrs().put("/xapi/statements?statementId=" + unaligned, statement(learnerId,
                "https://sims.example.com/unaligned/" + UUID.randomUUID(), "2026-11-23T10:00:00Z"));
        String marker = UUID.randomUUID().toString();
        lrs().put("/xapi/statements?statementId=" + marker, statement(learnerId, alignedActivity,
                "2026-11-23T11:00:00Z"));
        awaitEvidence(EventTypes.EVIDENCE_RECORDED, marker, 2);

        assertThat(lrs().get("/xapi/statements?statementId=" + unaligned).statusCode()).isEqualTo(200);
        assertThat(evidenceOf(EventTypes.EVIDENCE_RECORDED, unaligned)).isEmpty();
    }

    @Test
    void rejectsAlignment_whenCompetencyIsNotInTheFrameworkVersion() {
        HttpResponse<String> response = SharedService.http().bearer(TestTokens.token("author-1", "AUTHOR"))
                .post("/api/assessments/activity-alignments", "{\"activityId\":\"https://sims.example.com/x\",\"frameworkId\":\""
                        + framework.frameworkId() + "\",\"frameworkVersion\":" + framework.version()
                        + ",\"competencyIds\":[\"not-a-competency\"]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SharedService.http().json(response).path("detail").asString())
                .contains("competency not-a-competency is not in framework");
    }
}
