package dev.competency.e2e.grading;

import static dev.competency.e2e.platform.DemoOrganisation.ASSESSOR;
import static dev.competency.e2e.platform.DemoOrganisation.AUTHOR;
import static dev.competency.e2e.platform.DemoOrganisation.DESIGNS_APIS;
import static dev.competency.e2e.platform.DemoOrganisation.DESIGNS_APIS_TITLE;
import static dev.competency.e2e.platform.DemoOrganisation.LEARNER_ADA;
import static dev.competency.e2e.platform.DemoOrganisation.LEARNER_ADA_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.competency.e2e.browser.Portal;
import dev.competency.e2e.platform.PlatformApi;
import dev.competency.e2e.platform.PortalTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An assessor grades a submitted rubric attempt in the grading queue, and the learner's level on that competency
 * follows. The rubric is authored and the work handed in through the API, as the author and the learner would have.
 */
@PortalTest
class RubricGradingIT {

    private static final Pattern LEVEL_COLUMN = Pattern.compile("^(current )?level", Pattern.CASE_INSENSITIVE);
    private static final Pattern GRADE = Pattern.compile("^(grade|open|review)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBMIT_GRADE = Pattern.compile("^(submit|save|record)\\b.*grad|^grade$|^submit$",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> MASTERED = Set.of("PROFICIENT", "EXPERT");

    @Test
    void learnerSeesTheLevelFollow_whenAssessorGradesRubricAttempt(Portal portal, PlatformApi api) {
        PlatformApi.PublishedFramework framework = api.demoFramework();
        String title = "API design review " + UUID.randomUUID().toString().substring(0, 8);
        String rubricId = publishRubric(api, framework, title);
        String before = api.levelOf(LEARNER_ADA, LEARNER_ADA_ID, DESIGNS_APIS).orElseThrow();
        String attemptId = handInWork(api, rubricId);
        // Grading against the learner's standing moves the level whatever it is now.
        String grade = MASTERED.contains(before) ? "Not shown" : "Fully";

        portal.signInAs(ASSESSOR, "Grading queue");
        portal.pressNear(title, GRADE);
        portal.awaitText("Resources and methods");
        portal.choose(grade);
        portal.press(SUBMIT_GRADE);

        await("the graded attempt").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get(ASSESSOR, "/api/assessments/attempts/" + attemptId).path("status").asString(),
                        status -> status.equals("GRADED"));
        String after = await("the grade's evidence in the learner's mastery").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> api.levelOf(LEARNER_ADA, LEARNER_ADA_ID, DESIGNS_APIS).orElseThrow(),
                        level -> !level.equals(before));
        portal.signOut();
        portal.signInAs(LEARNER_ADA, "My competencies");
        String shown = portal.awaitCellContaining(DESIGNS_APIS_TITLE, LEVEL_COLUMN, framework.labelOf(after));
        assertThat(shown).doesNotContainIgnoringCase(framework.labelOf(before));
    }

    private static String publishRubric(PlatformApi api, PlatformApi.PublishedFramework framework, String title) {
        String rubricId = api.call(AUTHOR, "POST", "/api/assessments", Map.of("kind", "RUBRIC", "title", title,
                "frameworkId", framework.frameworkId(), "frameworkVersion", framework.version()))
                .path("assessmentId").asString();
        List<Map<String, Object>> levels = List.of(
                Map.of("code", "NONE", "label", "Not shown", "score", 0),
                Map.of("code", "SOME", "label", "Partly", "score", 2),
                Map.of("code", "FULL", "label", "Fully", "score", 4));
        api.call(AUTHOR, "PUT", "/api/assessments/" + rubricId + "/definition", Map.of(
                "alignments", List.of(Map.of("competencyId", DESIGNS_APIS, "weight", 1)),
                "passMark", 0.5,
                "criteria", List.of(Map.of("criterionId", "resources", "title", "Resources and methods",
                        "competencyId", DESIGNS_APIS, "levels", levels))));
        api.call(AUTHOR, "POST", "/api/assessments/" + rubricId + "/publication", null);
        return rubricId;
    }

    private static String handInWork(PlatformApi api, String rubricId) {
        String attemptId = api.call(LEARNER_ADA, "POST", "/api/assessments/" + rubricId + "/attempts", null)
                .path("attemptId").asString();
        api.call(LEARNER_ADA, "PUT", "/api/assessments/attempts/" + attemptId + "/responses",
                Map.of("responses", Map.of("work", Map.of("text", "https://git.example.com/amara/orders-api"))));
        api.call(LEARNER_ADA, "POST", "/api/assessments/attempts/" + attemptId + "/submission", null);
        return attemptId;
    }
}
