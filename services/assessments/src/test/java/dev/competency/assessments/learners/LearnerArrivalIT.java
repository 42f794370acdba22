package dev.competency.assessments.learners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.competency.assessments.learners.query.LearnerDirectory;
import dev.competency.assessments.support.Authoring;
import dev.competency.assessments.support.Http;
import dev.competency.assessments.support.SharedService;
import dev.competency.contracts.frameworks.FrameworkPublished;
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

/**
 * An assessor rates a learner registered a moment ago: the learner is awaited, not refused; while this service has
 * not read the learners stream far enough the answer is 503 with Retry-After, and a learner nobody registered is
 * refused as before.
 */
class LearnerArrivalIT {

    private static final String UNIT = "Arrivals";

    private static FrameworkPublished framework;
    private static Http assessor;

    @BeforeAll
    static void setUp() {
        framework = SharedService.publishFramework();
        assessor = SharedService.http().bearer(TestTokens.token("assessor-arrivals",
                Map.of("roles", List.of("ASSESSOR"), "org_unit", UNIT)));
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
    void answersReadModelBehindWithRetryAfter_untilLearnersStreamIsReadThatFar() {
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
}
