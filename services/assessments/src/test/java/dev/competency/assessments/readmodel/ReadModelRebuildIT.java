package dev.competency.assessments.readmodel;

import static dev.competency.assessments.support.Authoring.API_DESIGN;
import static dev.competency.assessments.support.Authoring.API_EVOLUTION;
import static dev.competency.assessments.support.Authoring.criterion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import dev.competency.assessments.support.Authoring;
import dev.competency.platform.test.ServiceHttp;
import dev.competency.assessments.support.SharedService;
import dev.competency.contracts.frameworks.FrameworkPublished;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The assessments and attempts read models are dropped and rebuilt from the event store; the API answers as before. */
class ReadModelRebuildIT {

    @Test
    void answersAsBefore_whenReadModelsAreDroppedAndRebuiltByReplay() {
        FrameworkPublished framework = SharedService.publishFramework();
        String unit = "Rebuild " + UUID.randomUUID();
        String learnerId = SharedService.registerLearner(unit, null);
        String rubric = Authoring.published(framework, "RUBRIC", "{\"alignments\":[{\"competencyId\":\""
                + API_DESIGN + "\",\"weight\":1},{\"competencyId\":\"" + API_EVOLUTION + "\",\"weight\":1}],"
                + "\"passMark\":0.5,\"maxAttempts\":3,\"criteria\":[" + criterion("design", API_DESIGN) + ","
                + criterion("versioning", API_EVOLUTION) + "]}");
        String quiz = Authoring.published(framework, "QUIZ", "{\"alignments\":[{\"competencyId\":\"" + API_DESIGN
                + "\",\"weight\":1}],\"passMark\":0.5,\"items\":[{\"itemId\":\"q1\",\"type\":\"SINGLE_CHOICE\","
                + "\"prompt\":\"Created?\",\"options\":[\"200\",\"201\"],\"correct\":[\"201\"],\"points\":1,"
                + "\"competencyIds\":[\"" + API_DESIGN + "\"]}]}");
        assertThat(Authoring.author().post("/api/assessments/" + quiz + "/retirement", "").statusCode())
                .isEqualTo(200);
        ServiceHttp learner = Authoring.learner(learnerId);
        ServiceHttp assessor = Authoring.assessor("assessor-7", unit);
        String graded = submittedRubricAttempt(learner, rubric);
        assertThat(assessor.post("/api/assessments/attempts/" + graded + "/grading",
                "{\"levels\":{\"design\":\"SOME\",\"versioning\":\"FULL\"}}").statusCode()).isEqualTo(200);
        assertThat(assessor.post("/api/assessments/attempts/" + graded + "/grading",
                "{\"levels\":{\"design\":\"FULL\",\"versioning\":\"FULL\"}}").statusCode()).isEqualTo(200);
        String waiting = submittedRubricAttempt(learner, rubric);
        List<String> paths = List.of("/api/assessments/" + rubric, "/api/assessments/" + quiz,
                "/api/assessments/attempts/" + graded, "/api/assessments/attempts/" + waiting,
                "/api/assessments/learners/" + learnerId + "/attempts", "/api/assessments/grading-queue");
        List<String> before = answers(assessor, paths);
        assertThat(before.get(5)).contains(waiting).doesNotContain(graded);
        assertThat(before.get(2)).contains("\"revision\":2");

        MongoDatabase database = SharedService.get().bean(MongoDatabase.class);
        database.getCollection("assessments").drop();
        database.getCollection("attempts").drop();
        assertThat(assessor.get("/api/assessments/attempts/" + graded).statusCode()).isEqualTo(404);
        assertThat(learner.post("/api/assessments/admin/rebuild", "").statusCode()).isEqualTo(403);

        HttpResponse<String> rebuild = Authoring.admin().post("/api/assessments/admin/rebuild", "");

        assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            String status = Authoring.admin().get("/api/assessments/admin/rebuild").body();
            assertThat(SharedService.JSON.readTree(status).path("caughtUp").asBoolean()).as(status).isTrue();
            assertThat(answers(assessor, paths)).isEqualTo(before);
        });
        String third = submittedRubricAttempt(learner, rubric);
        assertThat(learner.json(learner.get("/api/assessments/attempts/" + third)).path("attemptNumber").asInt())
                .isEqualTo(3);
        assertThat(learner.post("/api/assessments/" + rubric + "/attempts", "").statusCode()).isEqualTo(409);
    }

    private static String submittedRubricAttempt(ServiceHttp learner, String assessmentId) {
        HttpResponse<String> started = learner.post("/api/assessments/" + assessmentId + "/attempts", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String attemptId = learner.json(started).path("attemptId").asString();
        assertThat(learner.put("/api/assessments/attempts/" + attemptId + "/responses",
                "{\"responses\":{\"work\":{\"text\":\"https://git.example.com/work\"}}}").statusCode()).isEqualTo(200);
        assertThat(learner.post("/api/assessments/attempts/" + attemptId + "/submission", "").statusCode())
                .isEqualTo(200);
        return attemptId;
    }

    private static List<String> answers(ServiceHttp reader, List<String> paths) {
        return paths.stream().map(path -> {
            HttpResponse<String> response = reader.get(path);
            return response.statusCode() + " " + response.body();
        }).toList();
    }
}
