package dev.competency.assessments.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.competency.assessments.frameworks.query.FrameworkCatalogue;
import dev.competency.assessments.support.Authoring;
import dev.competency.platform.test.ServiceHttp;
import dev.competency.assessments.support.SharedService;
import dev.competency.contracts.frameworks.FrameworkPublished;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * An author publishes a framework version in the frameworks service and uses it here at once: defining an
 * assessment, aligning an activity and rating a learner against it are awaited, not refused; while this service has
 * not read the frameworks stream that far the answer is 503 with Retry-After, and a version nobody published is
 * refused as before.
 */
class FrameworkArrivalIT {

    private static final String UNIT = "Framework arrivals";
    private static final String QUIZ = "{\"alignments\":[{\"competencyId\":\"" + Authoring.API_DESIGN
            + "\",\"weight\":1}],\"passMark\":0.5,\"items\":[{\"itemId\":\"q1\",\"type\":\"SINGLE_CHOICE\","
            + "\"prompt\":\"Status of a created resource?\",\"options\":[\"200\",\"201\"],\"correct\":[\"201\"],"
            + "\"points\":1,\"competencyIds\":[\"" + Authoring.API_DESIGN + "\"]}]}";

    private static ServiceHttp author;
    private static String learnerId;

    @BeforeAll
    static void setUp() {
        SharedService.get();
        author = Authoring.author();
        learnerId = SharedService.registerLearner(UNIT, null);
    }

    private static String created(String frameworkId, int version) {
        HttpResponse<String> created = author.post("/api/assessments", "{\"kind\":\"QUIZ\",\"title\":\"Arrivals\","
                + "\"frameworkId\":\"" + frameworkId + "\",\"frameworkVersion\":" + version + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return author.json(created).path("assessmentId").asString();
    }

    private static HttpResponse<String> define(String assessmentId) {
        return author.put("/api/assessments/" + assessmentId + "/definition", QUIZ);
    }

    private static HttpResponse<String> align(FrameworkPublished framework) {
        return author.post("/api/assessments/activity-alignments", "{\"activityId\":\"https://sims.example.com/"
                + UUID.randomUUID() + "\",\"frameworkId\":\"" + framework.frameworkId() + "\",\"frameworkVersion\":"
                + framework.version() + ",\"competencyIds\":[\"" + Authoring.API_DESIGN + "\"]}");
    }

    private static HttpResponse<String> rate(FrameworkPublished framework) {
        return Authoring.assessor("assessor-framework-arrivals", UNIT).post("/api/assessments/learners/" + learnerId
                + "/ratings", "{\"frameworkId\":\"" + framework.frameworkId() + "\",\"frameworkVersion\":"
                + framework.version() + ",\"competencyId\":\"" + Authoring.API_DESIGN
                + "\",\"level\":\"PROFICIENT\",\"reason\":\"Observed\"}");
    }

    private static void assertBehind(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(author.json(answer).path("type").asString()).endsWith("/problems/read-model-behind");
    }

    @Test
    void definesAssessment_whenFrameworkVersionArrivesWhileRequestWaits() {
        FrameworkPublished framework = SharedService.publishFrameworkWithoutWaiting();
        String assessmentId = created(framework.frameworkId(), framework.version());

        HttpResponse<String> defined = define(assessmentId);

        assertThat(defined.statusCode()).as(defined.body()).isEqualTo(200);
    }

    @Test
    void alignsActivityAndRatesLearner_whenFrameworkVersionWasPublishedAMomentAgo() {
        FrameworkPublished framework = SharedService.publishFrameworkWithoutWaiting();
        CompletableFuture<HttpResponse<String>> rating = CompletableFuture.supplyAsync(() -> rate(framework));

        HttpResponse<String> aligned = align(framework);

        assertThat(aligned.statusCode()).as(aligned.body()).isEqualTo(201);
        HttpResponse<String> rated = rating.join();
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(201);
    }

    @Test
    void answersReadModelBehindWithRetryAfter_whenFrameworksStreamIsNotReadThatFar() {
        MessageListenerContainer catalogueConsumer = SharedService.get().bean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer(FrameworkCatalogue.CONSUMER);
        FrameworkPublished framework;
        String assessmentId;
        catalogueConsumer.stop();
        try {
            framework = SharedService.publishFrameworkWithoutWaiting();
            assessmentId = created(framework.frameworkId(), framework.version());

            assertBehind(define(assessmentId));
            assertBehind(align(framework));
            assertBehind(rate(framework));
        } finally {
            catalogueConsumer.start();
        }
        awaitSuccess(() -> define(assessmentId), 200);
        awaitSuccess(() -> align(framework), 201);
        awaitSuccess(() -> rate(framework), 201);
    }

    @Test
    void refusesDefinition_whenFrameworkVersionWasNeverPublishedAndStreamIsReadToItsEnd() {
        String assessmentId = created(UUID.randomUUID().toString(), 1);

        HttpResponse<String> defined = define(assessmentId);

        assertThat(defined.statusCode()).as(defined.body()).isEqualTo(400);
        assertThat(defined.body()).contains("has not been published");
    }

    private static void awaitSuccess(Supplier<HttpResponse<String>> request, int status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> request.get().statusCode() == status);
    }
}
