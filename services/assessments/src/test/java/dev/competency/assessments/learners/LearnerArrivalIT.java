package dev.competency.assessments.learners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.competency.assessments.learners.query.LearnerDirectory;
import dev.competency.assessments.support.Authoring;
import dev.competency.assessments.support.EvidenceTopic;
import dev.competency.platform.test.ServiceHttp;
import dev.competency.assessments.support.SharedService;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.Topics;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.platform.service.messaging.ConsumerProgress;
import dev.competency.platform.test.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/**
 * An assessor rates a learner registered a moment ago: the learner is awaited, not refused; while this service has
 * not read the learners stream far enough the answer is 503 with Retry-After, and a learner nobody registered is
 * refused as before. The same holds for an xAPI statement whose actor is a learner known only by e-mail address: it
 * is not stored without its evidence while the learners stream is behind.
 */
class LearnerArrivalIT {

    private static final String UNIT = "Arrivals";

    private static FrameworkPublished framework;
    private static ServiceHttp assessor;
    private static ServiceHttp lrs;
    private static String alignedActivity;

    @BeforeAll
    static void setUp() {
        framework = SharedService.publishFramework();
        assessor = SharedService.http().bearer(TestTokens.token("assessor-arrivals",
                Map.of("roles", List.of("ASSESSOR"), "org_unit", UNIT)));
        JsonNode client = Authoring.admin().json(Authoring.admin().post("/api/assessments/xapi-clients",
                "{\"name\":\"Arrivals simulation\"}"));
        lrs = SharedService.http().basic(client.path("key").asString(), client.path("secret").asString()).xapi();
        alignedActivity = "https://sims.example.com/arrivals/" + UUID.randomUUID();
        HttpResponse<String> aligned = Authoring.author().post("/api/assessments/activity-alignments",
                "{\"activityId\":\"" + alignedActivity + "\",\"frameworkId\":\"" + framework.frameworkId()
                        + "\",\"frameworkVersion\":" + framework.version() + ",\"competencyIds\":[\""
                        + Authoring.API_DESIGN + "\"]}");
        assertThat(aligned.statusCode()).as(aligned.body()).isEqualTo(201);
    }

    private static HttpResponse<String> putStatement(String statementId, String email) {
        return lrs.put("/xapi/statements?statementId=" + statementId, "{\"actor\":{\"mbox\":\"mailto:" + email
                + "\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/passed\"},\"object\":{\"id\":\""
                + alignedActivity + "\"},\"result\":{\"score\":{\"scaled\":0.9}},"
                + "\"timestamp\":\"2026-11-20T09:30:00Z\"}");
    }

    private static List<JsonNode> evidenceOf(String statementId) {
        return EvidenceTopic.records(EvidenceTopic.ofType(EventTypes.EVIDENCE_RECORDED)).stream()
                .map(EvidenceTopic::payload)
                .filter(evidence -> statementId.equals(evidence.path("provenance").path("statementId").asString()))
                .toList();
    }

    private static HttpResponse<String> rate(String learnerId) {
        return assessor.post("/api/assessments/learners/" + learnerId + "/ratings",
                "{\"frameworkId\":\"" + framework.frameworkId() + "\",\"frameworkVersion\":" + framework.version()
                        + ",\"competencyId\":\"" + Authoring.API_DESIGN + "\",\"level\":\"PROFICIENT\",\"reason\":\"Observed\"}");
    }

    @Test
    void ratesLearner_whenRegistrationArrivesWhileRequestWaits() {
        String learnerId = UUID.randomUUID().toString();
        CompletableFuture<HttpResponse<String>> rating = CompletableFuture.supplyAsync(() -> rate(learnerId));
        SharedService.publishLearner(learnerId, UNIT, null);

        HttpResponse<String> answer = rating.join();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }

    @Test
    void refusesRating_whenLearnerWasNeverRegisteredAndStreamIsReadToItsEnd() {
        HttpResponse<String> answer = rate(UUID.randomUUID().toString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
    }

    @Test
    void answersReadModelBehindWithRetryAfter_whenLearnersStreamIsNotReadThatFar() {
        MessageListenerContainer directoryConsumer = SharedService.get().bean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer(LearnerDirectory.CONSUMER);
        String learnerId = UUID.randomUUID().toString();
        directoryConsumer.stop();
        try {
            SharedService.publishLearner(learnerId, UNIT, null);

            HttpResponse<String> behind = rate(learnerId);

            assertThat(behind.statusCode()).as(behind.body()).isEqualTo(503);
            assertThat(behind.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(behind.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(assessor.json(behind).path("type").asString()).endsWith("/problems/read-model-behind");
        } finally {
            directoryConsumer.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> rate(learnerId).statusCode() == 201);
    }

    @Test
    void recordsStatementEvidence_whenLearnerKnownByEmailIsRegisteredAMomentBefore() {
        MessageListenerContainer directoryConsumer = SharedService.get().bean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer(LearnerDirectory.CONSUMER);
        String learnerId = UUID.randomUUID().toString();
        String email = "arrival-" + learnerId + "@example.com";
        String statementId = UUID.randomUUID().toString();
        directoryConsumer.stop();
        try {
            SharedService.publishLearner(learnerId, UNIT, email);

            HttpResponse<String> behind = putStatement(statementId, email);

            assertThat(behind.statusCode()).as(behind.body()).isEqualTo(503);
            assertThat(behind.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(lrs.get("/xapi/statements?statementId=" + statementId).statusCode()).isEqualTo(404);
        } finally {
            directoryConsumer.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> putStatement(statementId, email).statusCode() == 204);

        await().atMost(Duration.ofSeconds(30)).until(() -> !evidenceOf(statementId).isEmpty());
        assertThat(evidenceOf(statementId)).singleElement().satisfies(evidence -> {
            assertThat(evidence.path("learnerId").asString()).isEqualTo(learnerId);
            assertThat(evidence.path("competencyId").asString()).isEqualTo(Authoring.API_DESIGN);
        });
    }

    @Test
    void storesStatementWithoutEvidence_whenEmailIsNobodysAndStreamIsReadToItsEnd() {
        String statementId = UUID.randomUUID().toString();
        ConsumerProgress progress = SharedService.get().bean(ConsumerProgress.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> !progress.isBehind(LearnerDirectory.CONSUMER,
                Topics.LEARNERS));

        HttpResponse<String> stored = putStatement(statementId, "nobody-" + statementId + "@example.com");

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(204);
        assertThat(lrs.get("/xapi/statements?statementId=" + statementId).statusCode()).isEqualTo(200);
    }
}
