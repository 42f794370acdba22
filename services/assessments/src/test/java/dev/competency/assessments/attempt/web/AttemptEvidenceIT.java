package dev.competency.assessments.attempt.web;

import static dev.competency.assessments.support.Authoring.API_DESIGN;
import static dev.competency.assessments.support.Authoring.API_EVOLUTION;
import static dev.competency.assessments.support.Authoring.criterion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.competency.assessments.evidence.domain.EvidenceIds;
import dev.competency.assessments.support.Authoring;
import dev.competency.assessments.support.EvidenceTopic;
import dev.competency.platform.test.ServiceHttp;
import dev.competency.assessments.support.SharedService;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Graded and scored attempts reach the public evidence stream exactly as expected; a regrade voids and replaces. */
class AttemptEvidenceIT {

    private static FrameworkPublished framework;
    private static ServiceHttp author;

    @BeforeAll
    static void setUp() {
        framework = SharedService.publishFramework();
        author = SharedService.http().bearer(TestTokens.token("author-1", "AUTHOR"));
    }

    private static String learnerToken(String learnerId) {
        return TestTokens.token(learnerId, Map.of("roles", List.of("LEARNER")));
    }

    private static String assessorToken(String subject, String unit) {
        return TestTokens.token(subject, Map.of("roles", List.of("ASSESSOR"), "org_unit", unit));
    }

    private static List<ConsumerRecord<String, byte[]>> evidence(String type, String attemptId) {
        return EvidenceTopic.records(EvidenceTopic.ofType(type).and(record ->
                EvidenceTopic.payload(record).path("reason").asString().contains(attemptId)
                        || attemptId.equals(EvidenceTopic.payload(record).path("provenance").path("attemptId")
                        .asString())));
    }

    @Test
    void publishesEvidenceThenVoidsAndReplacesIt_whenRubricAttemptIsGradedAndRegraded() {
        String learnerId = SharedService.registerLearner("Platform engineering", null);
        String assessmentId = Authoring.published(framework, "RUBRIC", "{\"alignments\":[{\"competencyId\":\"" + API_DESIGN
                + "\",\"weight\":0.5},{\"competencyId\":\"" + API_EVOLUTION + "\",\"weight\":0.5}],\"weightTotal\":1,"
                + "\"passMark\":0.5,\"criteria\":[" + criterion("design", API_DESIGN) + ","
                + criterion("errors", API_DESIGN) + "," + criterion("versioning", API_EVOLUTION) + "]}");
        ServiceHttp learner = SharedService.http().bearer(learnerToken(learnerId));
        HttpResponse<String> started = learner.post("/api/assessments/" + assessmentId + "/attempts", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String attemptId = learner.json(started).path("attemptId").asString();
        learner.put("/api/assessments/attempts/" + attemptId + "/responses",
                "{\"responses\":{\"work\":{\"text\":\"https://git.example.com/amara/orders-api\"}}}");
        JsonNode submitted = learner.json(learner.post("/api/assessments/attempts/" + attemptId + "/submission", ""));
        assertThat(submitted.path("status").asString()).isEqualTo("AWAITING_GRADING");

        ServiceHttp assessor = SharedService.http().bearer(assessorToken("assessor-1", "Platform engineering"));
        ServiceHttp outsider = SharedService.http().bearer(assessorToken("assessor-9", "Sales"));
        assertThat(assessor.json(assessor.get("/api/assessments/grading-queue")).findValuesAsString("attemptId"))
                .contains(attemptId);
        assertThat(outsider.json(outsider.get("/api/assessments/grading-queue")).findValuesAsString("attemptId"))
                .doesNotContain(attemptId);
        assertThat(outsider.post("/api/assessments/attempts/" + attemptId + "/grading",
                "{\"levels\":{\"design\":\"FULL\",\"errors\":\"FULL\",\"versioning\":\"FULL\"}}").statusCode())
                .isEqualTo(403);

        HttpResponse<String> graded = assessor.post("/api/assessments/attempts/" + attemptId + "/grading",
                "{\"levels\":{\"design\":\"FULL\",\"errors\":\"SOME\",\"versioning\":\"SOME\"},\"comment\":\"Good\"}");
        assertThat(graded.statusCode()).as(graded.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> evidence(EventTypes.EVIDENCE_RECORDED, attemptId).size() >= 2);

        List<ConsumerRecord<String, byte[]>> first = evidence(EventTypes.EVIDENCE_RECORDED, attemptId);
        assertThat(first).hasSize(2).allSatisfy(record -> {
            assertThat(EvidenceTopic.violations(record)).isEmpty();
            assertThat(record.key()).isEqualTo(learnerId);
            JsonNode payload = EvidenceTopic.payload(record);
            assertThat(payload.path("sourceType").asString()).isEqualTo("ASSESSMENT");
            assertThat(payload.path("actor").path("id").asString()).isEqualTo("assessor-1");
            assertThat(payload.path("actor").path("kind").asString()).isEqualTo("ASSESSOR");
            assertThat(Instant.parse(payload.path("occurredAt").asString())
                    .truncatedTo(ChronoUnit.MILLIS))
                    .isEqualTo(Instant.parse(submitted.path("submittedAt").asString()));
            assertThat(payload.path("provenance").path("assessmentId").asString()).isEqualTo(assessmentId);
            assertThat(payload.path("provenance").path("gradingRevision").intValue()).isEqualTo(1);
            assertThat(payload.path("evidenceId").asString()).isEqualTo(
                    EvidenceIds.forAttempt(attemptId, payload.path("competencyId").asString(), 1));
            assertThat(KafkaTestClient.header(record, "ce_id")).isEqualTo(
                    EvidenceIds.recordedEventId(payload.path("evidenceId").asString()).toString());
        });
        assertThat(first).extracting(r -> EvidenceTopic.payload(r).path("competencyId").asString() + "="
                        + EvidenceTopic.payload(r).path("score").doubleValue() + " ("
                        + EvidenceTopic.payload(r).path("rawScore").doubleValue() + "/"
                        + EvidenceTopic.payload(r).path("maxScore").doubleValue() + ")")
                .containsExactlyInAnyOrder(API_DESIGN + "=0.75 (6.0/8.0)", API_EVOLUTION + "=0.5 (2.0/4.0)");

        HttpResponse<String> regraded = assessor.post("/api/assessments/attempts/" + attemptId + "/grading",
                "{\"levels\":{\"design\":\"FULL\",\"errors\":\"FULL\",\"versioning\":\"NONE\"}}");
        assertThat(regraded.statusCode()).as(regraded.body()).isEqualTo(200);
        assertThat(assessor.json(regraded).path("revision").intValue()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> evidence(EventTypes.EVIDENCE_RECORDED, attemptId).size() >= 4);

        List<ConsumerRecord<String, byte[]>> voided = evidence(EventTypes.EVIDENCE_VOIDED, attemptId);
        assertThat(voided).hasSize(2).allSatisfy(r -> assertThat(EvidenceTopic.violations(r)).isEmpty());
        assertThat(voided).extracting(r -> EvidenceTopic.payload(r).path("evidenceId").asString())
                .containsExactlyInAnyOrder(EvidenceIds.forAttempt(attemptId, API_DESIGN, 1),
                        EvidenceIds.forAttempt(attemptId, API_EVOLUTION, 1));
        List<ConsumerRecord<String, byte[]>> all = evidence(EventTypes.EVIDENCE_RECORDED, attemptId);
        assertThat(all).hasSize(4);
        assertThat(all.stream().filter(r -> EvidenceTopic.payload(r).path("provenance").path("gradingRevision")
                .intValue() == 2)).extracting(r -> EvidenceTopic.payload(r).path("competencyId").asString() + "="
                        + EvidenceTopic.payload(r).path("score").doubleValue())
                .containsExactlyInAnyOrder(API_DESIGN + "=1.0", API_EVOLUTION + "=0.0");
    }

    @Test
    void scoresQuizAndPublishesSystemEvidence_whenLearnerSubmits() {
        String learnerId = UUID.randomUUID().toString();
        String assessmentId = Authoring.published(framework, "QUIZ", "{\"alignments\":[{\"competencyId\":\"" + API_DESIGN
                + "\",\"weight\":1},{\"competencyId\":\"" + API_EVOLUTION + "\",\"weight\":1}],\"passMark\":0.5,"
                + "\"maxAttempts\":1,\"timeLimit\":\"PT30M\",\"items\":[{\"itemId\":\"q1\",\"type\":\"SINGLE_CHOICE\","
                + "\"prompt\":\"Which status code means created?\",\"options\":[\"200\",\"201\",\"204\"],\"correct\":"
                + "[\"201\"],\"points\":1,\"competencyIds\":[\"" + API_DESIGN + "\"]},{\"itemId\":\"q2\",\"type\":"
                + "\"NUMERIC\",\"prompt\":\"Days of deprecation notice?\",\"answer\":90,\"tolerance\":0,\"points\":1,"
                + "\"competencyIds\":[\"" + API_EVOLUTION + "\"]}]}");
        ServiceHttp learner = SharedService.http().bearer(learnerToken(learnerId));
        String attemptId = learner.json(learner.post("/api/assessments/" + assessmentId + "/attempts", ""))
                .path("attemptId").asString();
        learner.put("/api/assessments/attempts/" + attemptId + "/responses",
                "{\"responses\":{\"q1\":{\"choices\":[\"201\"]},\"q2\":{\"number\":30}}}");

        JsonNode scored = learner.json(learner.post("/api/assessments/attempts/" + attemptId + "/submission", ""));

        assertThat(scored.path("status").asString()).isEqualTo("SCORED");
        assertThat(scored.path("overallScore").doubleValue()).isEqualTo(0.5);
        assertThat(scored.path("passed").booleanValue()).isTrue();
        assertThat(learner.post("/api/assessments/" + assessmentId + "/attempts", "").statusCode()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> evidence(EventTypes.EVIDENCE_RECORDED, attemptId).size() >= 2);
        List<ConsumerRecord<String, byte[]>> records = evidence(EventTypes.EVIDENCE_RECORDED, attemptId);
        assertThat(records).hasSize(2).allSatisfy(record -> {
            assertThat(EvidenceTopic.violations(record)).isEmpty();
            assertThat(EvidenceTopic.payload(record).path("actor").path("kind").asString()).isEqualTo("SYSTEM");
        });
        assertThat(records).extracting(r -> EvidenceTopic.payload(r).path("competencyId").asString() + "="
                        + EvidenceTopic.payload(r).path("score").doubleValue())
                .containsExactlyInAnyOrder(API_DESIGN + "=1.0", API_EVOLUTION + "=0.0");
        assertThat(learner.json(learner.get("/api/assessments/learners/" + learnerId + "/attempts"))
                .findValuesAsString("attemptId")).containsExactly(attemptId);
        assertThat(SharedService.http().bearer(learnerToken("someone-else")).get("/api/assessments/learners/" + learnerId
                + "/attempts").statusCode()).isEqualTo(403);
        assertThat(author.json(author.get("/api/assessments?competencyId=" + API_EVOLUTION))
                .findValuesAsString("assessmentId")).contains(assessmentId);
    }
}
