package dev.competency.platform.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The demo's assessments, so every demo account has something to do in the portal: a published quiz on the first
 * demo competency for learners to take, and a published rubric-scored project on the second, with one attempt of
 * the demo learner submitted and waiting in the assessor's grading queue. Idempotent: an assessment whose title
 * exists already is reused, and the attempt is made only while the learner has none.
 */
final class DemoAssessments {

    static final String QUIZ_TITLE = "Resource-oriented HTTP APIs: check your understanding";
    static final String PROJECT_TITLE = "API evolution project";

    private static final Logger log = LoggerFactory.getLogger(DemoAssessments.class);
    /** How long to wait for the assessments service to hear of the framework and the learners. */
    private static final Duration CATCH_UP = Duration.ofSeconds(90);

    private DemoAssessments() {
    }

    static void load(DemoData.Api author, DemoData.Api learner, DemoData.PublishedFramework framework)
            throws InterruptedException {
        String quiz = ensurePublished(author, framework, "QUIZ", QUIZ_TITLE, DemoData.COMPETENCIES.get(0),
                quizDefinition(DemoData.COMPETENCIES.get(0)));
        String project = ensurePublished(author, framework, "RUBRIC", PROJECT_TITLE, DemoData.COMPETENCIES.get(1),
                projectDefinition(DemoData.COMPETENCIES.get(1)));
        JsonNode attempts = untilAccepted(() -> learner.call("GET", "/api/assessments/learners/"
                + DemoData.DEMO_LEARNER_ID + "/attempts", null));
        boolean projectAttempted = false;
        for (JsonNode attempt : attempts) {
            projectAttempted |= project.equals(attempt.path("assessmentId").asString());
        }
        if (!projectAttempted) {
            String attemptId = untilAccepted(() -> learner.call("POST", "/api/assessments/" + project
                    + "/attempts", Map.of())).path("attemptId").asString();
            learner.call("PUT", "/api/assessments/attempts/" + attemptId + "/responses", Map.of("responses",
                    Map.of("submission", Map.of("text", "https://git.example.com/ada/orders-api/pull/42"))));
            learner.call("POST", "/api/assessments/attempts/" + attemptId + "/submission", null);
        }
        log.info("Demo assessments ready: quiz {}, rubric-scored project {} with an attempt to grade", quiz, project);
    }

    /** The id of the published assessment with this title on the competency, created and published if missing. */
    private static String ensurePublished(DemoData.Api author, DemoData.PublishedFramework framework, String kind,
            String title, String competencyId, Map<String, Object> definition) throws InterruptedException {
        String assessmentId = null;
        for (JsonNode existing : author.call("GET", "/api/assessments?competencyId=" + competencyId, null)) {
            if (title.equals(existing.path("title").asString())) {
                if ("PUBLISHED".equals(existing.path("status").asString())) {
                    return existing.path("assessmentId").asString();
                }
                assessmentId = existing.path("assessmentId").asString();
            }
        }
        if (assessmentId == null) {
            assessmentId = author.call("POST", "/api/assessments", Map.of("kind", kind, "title", title,
                    "frameworkId", framework.frameworkId(), "frameworkVersion", framework.version()))
                    .path("assessmentId").asString();
        }
        String path = "/api/assessments/" + assessmentId;
        untilAccepted(() -> author.call("PUT", path + "/definition", definition));
        author.call("POST", path + "/publication", null);
        return assessmentId;
    }

    private static Map<String, Object> quizDefinition(String competencyId) {
        return Map.of("alignments", List.of(Map.of("competencyId", competencyId, "weight", 1.0)),
                "passMark", 0.6,
                "items", List.of(
                        choice("verbs", "Which method creates a resource in a collection the server names?",
                                List.of("GET", "POST", "PUT", "DELETE"), List.of("POST"), competencyId),
                        choice("status", "Which status says a request was fine but the resource does not exist?",
                                List.of("200", "204", "404", "500"), List.of("404"), competencyId),
                        Map.of("itemId", "idempotent", "type", "MULTIPLE_CHOICE",
                                "prompt", "Which methods are idempotent?",
                                "options", List.of("GET", "POST", "PUT", "DELETE"),
                                "correct", List.of("GET", "PUT", "DELETE"), "points", 1.0, "partialCredit", true,
                                "competencyIds", List.of(competencyId))));
    }

    private static Map<String, Object> choice(String id, String prompt, List<String> options, List<String> correct,
            String competencyId) {
        return Map.of("itemId", id, "type", "SINGLE_CHOICE", "prompt", prompt, "options", options,
                "correct", correct, "points", 1.0, "competencyIds", List.of(competencyId));
    }

    private static Map<String, Object> projectDefinition(String competencyId) {
        List<Map<String, Object>> levels = List.of(
                Map.of("code", "BEGINNING", "label", "Beginning", "score", 0.3),
                Map.of("code", "MEETS", "label", "Meets expectations", "score", 0.8),
                Map.of("code", "EXCEEDS", "label", "Exceeds expectations", "score", 1.0));
        return Map.of("alignments", List.of(Map.of("competencyId", competencyId, "weight", 1.0)),
                "passMark", 0.5,
                "criteria", List.of(
                        Map.of("criterionId", "compatibility", "title", "Changes keep existing clients working",
                                "competencyId", competencyId, "levels", levels),
                        Map.of("criterionId", "deprecation", "title", "Deprecations are announced and dated",
                                "competencyId", competencyId, "levels", levels)));
    }

    /** A call the services may refuse while they have not yet read the framework or the learners from Kafka. */
    interface Call {
        JsonNode run() throws InterruptedException;
    }

    static JsonNode untilAccepted(Call call) throws InterruptedException {
        Instant deadline = Instant.now().plus(CATCH_UP);
        while (true) {
            try {
                return call.run();
            } catch (IllegalStateException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
                Thread.sleep(1_000);
            }
        }
    }
}
