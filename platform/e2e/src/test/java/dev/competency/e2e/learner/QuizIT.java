package dev.competency.e2e.learner;

import static dev.competency.e2e.platform.DemoOrganisation.AUTHOR;
import static dev.competency.e2e.platform.DemoOrganisation.DESIGNS_APIS;
import static dev.competency.e2e.platform.DemoOrganisation.DESIGNS_APIS_TITLE;
import static dev.competency.e2e.platform.DemoOrganisation.LEARNER_GRACE;
import static dev.competency.e2e.platform.DemoOrganisation.LEARNER_GRACE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.competency.e2e.browser.Portal;
import dev.competency.e2e.platform.PlatformApi;
import dev.competency.e2e.platform.PortalTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A learner takes a published quiz in the portal and sees her level move. The quiz is authored through the API
 * first, as an author would have done in the authoring screens.
 */
@PortalTest
class QuizIT {

    private static final Pattern START = Pattern.compile("^(start|take|begin|attempt)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBMIT = Pattern.compile("^(submit|hand in)\\b", Pattern.CASE_INSENSITIVE);
    /** Both answers are right: a person reads that the quiz was passed, or its score of 100 %. */
    private static final Pattern RESULT = Pattern.compile("passed|100\\s*%", Pattern.CASE_INSENSITIVE);

    @Test
    void showsTheNewLevel_whenLearnerPassesAQuiz(Portal portal, PlatformApi api) {
        PlatformApi.PublishedFramework framework = api.demoFramework();
        String title = "HTTP basics check " + UUID.randomUUID().toString().substring(0, 8);
        publishQuiz(api, framework, title);
        String before = api.levelOf(LEARNER_GRACE, LEARNER_GRACE_ID, DESIGNS_APIS).orElseThrow();

        portal.signInAs(LEARNER_GRACE, "My competencies");
        portal.awaitCellContaining(DESIGNS_APIS_TITLE, LearnerJourneyIT.LEVEL_COLUMN, framework.labelOf(before));
        portal.follow(Pattern.compile("^assessments$", Pattern.CASE_INSENSITIVE)).awaitHeading("Assessments");
        portal.pressNear(title, START);
        portal.choose("201 Created").choose("GET");
        portal.press(SUBMIT);
        portal.awaitText(RESULT);

        String after = await("the quiz's evidence in the learner's mastery").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> api.levelOf(LEARNER_GRACE, LEARNER_GRACE_ID, DESIGNS_APIS).orElseThrow(),
                        level -> !level.equals(before));
        portal.follow(Pattern.compile("^my competencies$", Pattern.CASE_INSENSITIVE)).awaitHeading("My competencies");
        String shown = portal.awaitCellContaining(DESIGNS_APIS_TITLE, LearnerJourneyIT.LEVEL_COLUMN,
                framework.labelOf(after));
        assertThat(shown).doesNotContainIgnoringCase(framework.labelOf(before));
    }

    /** Two single-choice questions on designing HTTP APIs, both aligned to that competency. */
    private static void publishQuiz(PlatformApi api, PlatformApi.PublishedFramework framework, String title) {
        String quizId = api.call(AUTHOR, "POST", "/api/assessments", Map.of("kind", "QUIZ", "title", title,
                "frameworkId", framework.frameworkId(), "frameworkVersion", framework.version()))
                .path("assessmentId").asString();
        api.call(AUTHOR, "PUT", "/api/assessments/" + quizId + "/definition", Map.of(
                "alignments", List.of(Map.of("competencyId", DESIGNS_APIS, "weight", 1)),
                "weightTotal", 1,
                "passMark", 0.5,
                "items", List.of(
                        Map.of("itemId", "created", "type", "SINGLE_CHOICE",
                                "prompt", "Which status answers a request that created a resource?",
                                "options", List.of("200 OK", "201 Created", "204 No Content"),
                                "correct", List.of("201 Created"), "points", 1,
                                "competencyIds", List.of(DESIGNS_APIS)),
                        Map.of("itemId", "safe", "type", "SINGLE_CHOICE",
                                "prompt", "Which method is safe?",
                                "options", List.of("GET", "POST", "DELETE"),
                                "correct", List.of("GET"), "points", 1,
                                "competencyIds", List.of(DESIGNS_APIS)))));
        api.call(AUTHOR, "POST", "/api/assessments/" + quizId + "/publication", null);
    }
}
