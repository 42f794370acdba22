package dev.competency.assessments.readmodel;

import static dev.competency.assessments.support.Authoring.API_DESIGN;
import static dev.competency.assessments.support.Authoring.criterion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.competency.assessments.support.Authoring;
import dev.competency.platform.test.ServiceHttp;
import dev.competency.assessments.support.SharedService;
import dev.competency.contracts.frameworks.FrameworkPublished;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;

/**
 * A write answers once the read models show it, so that a read right after it (no waiting in between) sees the
 * change; while the read models' processor does not move, a write is answered 503 with {@code Retry-After}, and the
 * change shows once it moves again.
 */
class ReadYourWritesIT {

    private static final String RUBRIC = "{\"alignments\":[{\"competencyId\":\"" + API_DESIGN + "\",\"weight\":1}],"
            + "\"passMark\":0.5,\"maxAttempts\":3,\"criteria\":[" + criterion("design", API_DESIGN) + "]}";

    @Test
    void showsEachChange_whenReadRightAfterTheWrite() {
        FrameworkPublished framework = SharedService.publishFramework();
        String unit = "Own writes " + UUID.randomUUID();
        String learnerId = SharedService.registerLearner(unit, null);
        ServiceHttp author = Authoring.author();
        ServiceHttp learner = Authoring.learner(learnerId);
        ServiceHttp assessor = Authoring.assessor("assessor-own-writes", unit);

        String assessmentId = Authoring.published(framework, "RUBRIC", RUBRIC);
        assertThat(field(author, "/api/assessments/" + assessmentId, "status")).isEqualTo("PUBLISHED");

        HttpResponse<String> started = learner.post("/api/assessments/" + assessmentId + "/attempts", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String attempt = "/api/assessments/attempts/" + learner.json(started).path("attemptId").asString();
        assertThat(field(learner, attempt, "status")).isEqualTo("STARTED");

        assertThat(learner.put(attempt + "/responses",
                "{\"responses\":{\"work\":{\"text\":\"https://git.example.com/work\"}}}").statusCode()).isEqualTo(200);
        assertThat(learner.post(attempt + "/submission", "").statusCode()).isEqualTo(200);
        assertThat(field(learner, attempt, "status")).isEqualTo("AWAITING_GRADING");
        assertThat(assessor.get("/api/assessments/grading-queue").body()).contains(attempt.substring(
                attempt.lastIndexOf('/') + 1));

        assertThat(assessor.post(attempt + "/grading", "{\"levels\":{\"design\":\"FULL\"}}").statusCode())
                .isEqualTo(200);
        assertThat(field(learner, attempt, "status")).isEqualTo("GRADED");
    }

    @Test
    void answers503WithRetryAfterAndShowsTheStoredChangeLater_whenReadModelsLagBehindTheWrite() {
        FrameworkPublished framework = SharedService.publishFramework();
        String assessmentId = Authoring.published(framework, "RUBRIC", RUBRIC);
        ServiceHttp author = Authoring.author();
        EventProcessor processor = SharedService.get().bean(EventProcessingConfiguration.class)
                .eventProcessor(ReadModels.PROCESSING_GROUP).orElseThrow();

        HttpResponse<String> retired;
        processor.shutDown();
        try {
            retired = author.post("/api/assessments/" + assessmentId + "/retirement", "");
        } finally {
            processor.start();
        }

        assertThat(retired.statusCode()).as(retired.body()).isEqualTo(503);
        assertThat(retired.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(author.json(retired).path("type").asString()).isEqualTo("/problems/read-model-behind");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> field(author, "/api/assessments/" + assessmentId, "status").equals("RETIRED"));
    }

    private static String field(ServiceHttp reader, String path, String name) {
        HttpResponse<String> response = reader.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return reader.json(response).path(name).asString();
    }
}
