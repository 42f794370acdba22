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
import dev.competency.contracts.Topics;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.platform.test.KafkaTestClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Peer feedback, self-assessment and a quiz regrade against the running service, out to the evidence stream; peer
 * rating requests out to the assessments stream.
 */
class PeerAndSelfEvidenceIT {

    private static final String RATING_LOW = "{\"levels\":{\"design\":\"SOME\",\"versioning\":\"NONE\"}}";
    private static final String RATING_HIGH = "{\"levels\":{\"design\":\"FULL\",\"versioning\":\"SOME\"}}";
    private static FrameworkPublished framework;

    @BeforeAll
    static void setUp() {
        framework = SharedService.publishFramework();
    }

    private static String ratingDefinition(String extra) {
        return "{\"alignments\":[{\"competencyId\":\"" + API_DESIGN + "\",\"weight\":1},{\"competencyId\":\""
                + API_EVOLUTION + "\",\"weight\":1}],\"passMark\":0.5," + extra + "\"criteria\":["
                + criterion("design", API_DESIGN) + "," + criterion("versioning", API_EVOLUTION) + "]}";
    }

    private static List<ConsumerRecord<String, byte[]>> evidence(String type, String attemptId) {
        return EvidenceTopic.records(EvidenceTopic.ofType(type).and(record -> attemptId.equals(
                EvidenceTopic.payload(record).path("provenance").path("attemptId").asString())
                || EvidenceTopic.payload(record).path("reason").asString().contains(attemptId)));
    }

    private static List<ConsumerRecord<String, byte[]>> peerRequests(String attemptId) {
        return KafkaTestClient.records(Topics.ASSESSMENTS, record -> EventTypes.PEER_RATING_REQUESTED.equals(
                KafkaTestClient.header(record, "ce_type"))
                && attemptId.equals(EvidenceTopic.payload(record).path("attemptId").asString()));
    }

    @Test
    void publishesPeerRatingRequestOnce_whenPeerAttemptStarts() {
        String learnerId = SharedService.registerLearner("Requests " + UUID.randomUUID(), null);
        String peer1 = "peer-" + UUID.randomUUID();
        String peer2 = "peer-" + UUID.randomUUID();
        String assessmentId = Authoring.published(framework, "PEER", ratingDefinition(""));
        ServiceHttp learner = Authoring.learner(learnerId);

        HttpResponse<String> started = learner.post("/api/assessments/" + assessmentId + "/attempts",
                "{\"peers\":[\"" + peer1 + "\",\"" + peer2 + "\"]}");

        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String attemptId = learner.json(started).path("attemptId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> !peerRequests(attemptId).isEmpty());
        List<ConsumerRecord<String, byte[]>> records = peerRequests(attemptId);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        assertThat(EvidenceTopic.violations(record)).isEmpty();
        assertThat(record.key()).isEqualTo(learnerId);
        JsonNode payload = EvidenceTopic.payload(record);
        assertThat(payload.path("assessmentId").asString()).isEqualTo(assessmentId);
        assertThat(payload.path("learnerId").asString()).isEqualTo(learnerId);
        assertThat(payload.path("nominatedPeers").valueStream().map(JsonNode::asString)).containsExactly(peer1, peer2);
        assertThat(payload.path("competencyIds").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(API_DESIGN, API_EVOLUTION);
        assertThat(KafkaTestClient.records(Topics.EVIDENCE, r -> new String(r.value()).contains(attemptId))).isEmpty();
    }

    @Test
    void publishesNoPeerRatingRequest_whenAttemptIsNotPeerFeedback() {
        String learnerId = SharedService.registerLearner("Self requests " + UUID.randomUUID(), null);
        String selfAssessment = Authoring.published(framework, "SELF", ratingDefinition(""));
        String peerAssessment = Authoring.published(framework, "PEER", ratingDefinition(""));
        ServiceHttp learner = Authoring.learner(learnerId);
        String selfAttempt = learner.json(learner.post("/api/assessments/" + selfAssessment + "/attempts", ""))
                .path("attemptId").asString();
        String openPeerAttempt = learner.json(learner.post("/api/assessments/" + peerAssessment + "/attempts", ""))
                .path("attemptId").asString();

        await().atMost(Duration.ofSeconds(30)).until(() -> !peerRequests(openPeerAttempt).isEmpty());

        assertThat(EvidenceTopic.payload(peerRequests(openPeerAttempt).get(0)).path("nominatedPeers").isEmpty())
                .isTrue();
        assertThat(peerRequests(selfAttempt)).isEmpty();
    }

    @Test
    void countsAnonymousPeerMean_whenTheMinimumNumberOfNominatedPeersRated() {
        String unit = "Peers " + UUID.randomUUID();
        String learnerId = SharedService.registerLearner(unit, null);
        String peer1 = "peer-" + UUID.randomUUID();
        String peer2 = "peer-" + UUID.randomUUID();
        String assessmentId = Authoring.published(framework, "PEER", ratingDefinition("\"minPeers\":2,"));
        ServiceHttp learner = Authoring.learner(learnerId);
        HttpResponse<String> started = learner.post("/api/assessments/" + assessmentId + "/attempts",
                "{\"peers\":[\"" + peer1 + "\",\"" + peer2 + "\"]}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String attemptId = learner.json(started).path("attemptId").asString();
        assertThat(Authoring.learner(peer1).json(Authoring.learner(peer1).get("/api/assessments/peer-requests"))
                .findValuesAsString("attemptId")).contains(attemptId);

        assertThat(learner.post("/api/assessments/attempts/" + attemptId + "/peer-ratings", RATING_HIGH)
                .statusCode()).isEqualTo(403);
        assertThat(Authoring.learner("peer-outsider").post("/api/assessments/attempts/" + attemptId
                + "/peer-ratings", RATING_HIGH).statusCode()).isEqualTo(403);
        HttpResponse<String> first = Authoring.learner(peer1).post("/api/assessments/attempts/" + attemptId
                + "/peer-ratings", RATING_LOW);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(Authoring.learner(peer1).post("/api/assessments/attempts/" + attemptId + "/peer-ratings",
                RATING_HIGH).statusCode()).isEqualTo(409);
        JsonNode waiting = learner.json(learner.get("/api/assessments/attempts/" + attemptId));
        assertThat(waiting.path("status").asString()).isEqualTo("STARTED");
        assertThat(waiting.path("peerRatings").asInt()).isEqualTo(1);
        assertThat(waiting.path("minPeers").asInt()).isEqualTo(2);
        assertThat(Authoring.learner(peer1).json(Authoring.learner(peer1).get("/api/assessments/peer-requests"))
                .findValuesAsString("attemptId")).doesNotContain(attemptId);

        HttpResponse<String> second = Authoring.learner(peer2).post("/api/assessments/attempts/" + attemptId
                + "/peer-ratings", RATING_HIGH);

        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> evidence(EventTypes.EVIDENCE_RECORDED, attemptId).size() >= 2);
        List<ConsumerRecord<String, byte[]>> records = evidence(EventTypes.EVIDENCE_RECORDED, attemptId);
        List<String> ratingIds = List.of(learner.json(first).path("ratingId").asString(),
                learner.json(second).path("ratingId").asString());
        assertThat(records).hasSize(2).allSatisfy(record -> {
            assertThat(EvidenceTopic.violations(record)).isEmpty();
            JsonNode payload = EvidenceTopic.payload(record);
            assertThat(payload.path("sourceType").asString()).isEqualTo("PEER");
            assertThat(payload.path("actor").path("kind").asString()).isEqualTo("PEER");
            assertThat(payload.path("reason").asString()).contains(ratingIds);
            assertThat(new String(record.value())).doesNotContain(peer1, peer2);
            assertThat(payload.path("evidenceId").asString()).isEqualTo(
                    EvidenceIds.forAttempt(attemptId, payload.path("competencyId").asString(), 1));
        });
        assertThat(records).extracting(r -> EvidenceTopic.payload(r).path("competencyId").asString() + "="
                        + EvidenceTopic.payload(r).path("score").doubleValue())
                .containsExactlyInAnyOrder(API_DESIGN + "=0.75", API_EVOLUTION + "=0.25");
        HttpResponse<String> counted = learner.get("/api/assessments/learners/" + learnerId + "/attempts");
        assertThat(counted.body()).doesNotContain(peer1, peer2);
        assertThat(learner.json(counted).get(0).path("status").asString()).isEqualTo("GRADED");
    }

    @Test
    void recordsSelfEvidence_whenLearnerRatesThemself() {
        String learnerId = SharedService.registerLearner("Self " + UUID.randomUUID(), null);
        String assessmentId = Authoring.published(framework, "SELF", ratingDefinition(""));
        ServiceHttp learner = Authoring.learner(learnerId);
        String attemptId = learner.json(learner.post("/api/assessments/" + assessmentId + "/attempts", ""))
                .path("attemptId").asString();

        HttpResponse<String> rated = learner.post("/api/assessments/attempts/" + attemptId + "/self-rating",
                RATING_HIGH);

        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
        assertThat(learner.json(rated).path("status").asString()).isEqualTo("GRADED");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> evidence(EventTypes.EVIDENCE_RECORDED, attemptId).size() >= 2);
        assertThat(evidence(EventTypes.EVIDENCE_RECORDED, attemptId)).hasSize(2).allSatisfy(record -> {
            assertThat(EvidenceTopic.violations(record)).isEmpty();
            assertThat(EvidenceTopic.payload(record).path("sourceType").asString()).isEqualTo("SELF");
            assertThat(EvidenceTopic.payload(record).path("actor").path("id").asString()).isEqualTo(learnerId);
            assertThat(EvidenceTopic.payload(record).path("actor").path("kind").asString()).isEqualTo("LEARNER");
        });
    }

    @Test
    void voidsAndReplacesQuizEvidence_whenAssessorRegradesAfterAnAnswerKeyCorrection() {
        String unit = "Regrade " + UUID.randomUUID();
        String learnerId = SharedService.registerLearner(unit, null);
        String quiz = "{\"alignments\":[{\"competencyId\":\"" + API_DESIGN + "\",\"weight\":1}],\"passMark\":0.5,"
                + "\"items\":[{\"itemId\":\"q1\",\"type\":\"SINGLE_CHOICE\",\"prompt\":\"Created?\",\"options\":"
                + "[\"200\",\"201\"],\"correct\":[\"%s\"],\"points\":1,\"competencyIds\":[\"" + API_DESIGN + "\"]}]}";
        String assessmentId = Authoring.published(framework, "QUIZ", quiz.formatted("200"));
        ServiceHttp learner = Authoring.learner(learnerId);
        String attemptId = learner.json(learner.post("/api/assessments/" + assessmentId + "/attempts", ""))
                .path("attemptId").asString();
        learner.put("/api/assessments/attempts/" + attemptId + "/responses",
                "{\"responses\":{\"q1\":{\"choices\":[\"201\"]}}}");
        assertThat(learner.json(learner.post("/api/assessments/attempts/" + attemptId + "/submission", ""))
                .path("overallScore").doubleValue()).isEqualTo(0.0);
        ServiceHttp author = Authoring.author();
        assertThat(author.put("/api/assessments/" + assessmentId + "/definition", quiz.formatted("201"))
                .statusCode()).isEqualTo(200);
        assertThat(author.post("/api/assessments/" + assessmentId + "/publication", "").statusCode()).isEqualTo(200);

        HttpResponse<String> regraded = Authoring.assessor("assessor-3", unit).post("/api/assessments/attempts/"
                + attemptId + "/regrade", "{\"latestVersion\":true,\"reason\":\"key of q1 corrected\"}");

        assertThat(regraded.statusCode()).as(regraded.body()).isEqualTo(200);
        JsonNode view = learner.json(regraded);
        assertThat(view.path("revision").asInt()).isEqualTo(2);
        assertThat(view.path("assessmentVersion").asInt()).isEqualTo(2);
        assertThat(view.path("overallScore").doubleValue()).isEqualTo(1.0);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> evidence(EventTypes.EVIDENCE_RECORDED, attemptId).size() >= 2
                        && !evidence(EventTypes.EVIDENCE_VOIDED, attemptId).isEmpty());
        assertThat(evidence(EventTypes.EVIDENCE_VOIDED, attemptId)).hasSize(1).allSatisfy(record ->
                assertThat(EvidenceTopic.payload(record).path("evidenceId").asString())
                        .isEqualTo(EvidenceIds.forAttempt(attemptId, API_DESIGN, 1)));
        assertThat(evidence(EventTypes.EVIDENCE_RECORDED, attemptId))
                .extracting(r -> EvidenceTopic.payload(r).path("evidenceId").asString() + "="
                        + EvidenceTopic.payload(r).path("score").doubleValue())
                .containsExactlyInAnyOrder(EvidenceIds.forAttempt(attemptId, API_DESIGN, 1) + "=0.0",
                        EvidenceIds.forAttempt(attemptId, API_DESIGN, 2) + "=1.0");
    }
}
