package dev.competency.e2e.learner;

import static dev.competency.e2e.platform.DemoOrganisation.DESIGNS_APIS;
import static dev.competency.e2e.platform.DemoOrganisation.DESIGNS_APIS_TITLE;
import static dev.competency.e2e.platform.DemoOrganisation.EVIDENCED_COMPETENCIES;
import static dev.competency.e2e.platform.DemoOrganisation.EVIDENCED_TITLES;
import static dev.competency.e2e.platform.DemoOrganisation.LEARNER_ADA;
import static dev.competency.e2e.platform.DemoOrganisation.LEARNER_ADA_ID;
import static dev.competency.e2e.platform.DemoOrganisation.LEARNER_GRACE;
import static dev.competency.e2e.platform.DemoOrganisation.ROLE_PROFILE_TITLE;
import static dev.competency.e2e.platform.DemoOrganisation.passwordOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.e2e.browser.Portal;
import dev.competency.e2e.platform.PlatformApi;
import dev.competency.e2e.platform.PortalTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/** The demo learner signs in through the issuer's login page and reads her own record; and only her own. */
@PortalTest
class LearnerJourneyIT {

    static final Pattern LEVEL_COLUMN = Pattern.compile("^(current )?level", Pattern.CASE_INSENSITIVE);

    @Test
    void showsMasteryGrowthExplanationAndGaps_whenLearnerSignsIn(Portal portal, PlatformApi api) {
        PlatformApi.PublishedFramework framework = api.demoFramework();

        portal.signInWithPassword(LEARNER_ADA, passwordOf(LEARNER_ADA), "My competencies");

        assertThat(portal.path()).as("a learner's home").isEqualTo("/me");
        for (int i = 0; i < EVIDENCED_COMPETENCIES.size(); i++) {
            String level = framework.labelOf(api.levelOf(LEARNER_ADA, LEARNER_ADA_ID, EVIDENCED_COMPETENCIES.get(i))
                    .orElseThrow());
            portal.awaitCellContaining(EVIDENCED_TITLES.get(i), LEVEL_COLUMN, level);
        }
        assertDrawsChart(portal, "My competencies");

        portal.follow(Pattern.compile("^growth$", Pattern.CASE_INSENSITIVE)).awaitHeading("Growth");
        assertThat(portal.path()).isEqualTo("/me/growth");
        assertDrawsChart(portal, "Growth");

        portal.follow(Pattern.compile("^my competencies$", Pattern.CASE_INSENSITIVE)).awaitHeading("My competencies");
        portal.pressNear(DESIGNS_APIS_TITLE, Pattern.compile(Portal.literal(DESIGNS_APIS_TITLE).pattern() + "|why",
                Pattern.CASE_INSENSITIVE));
        portal.awaitHeading("Why this level");
        assertThat(portal.path()).isEqualTo("/me/competencies/" + DESIGNS_APIS);
        String level = framework.labelOf(api.levelOf(LEARNER_ADA, LEARNER_ADA_ID, DESIGNS_APIS).orElseThrow());
        portal.awaitText(DESIGNS_APIS_TITLE).awaitText(level);
        portal.awaitText(Pattern.compile("contribut", Pattern.CASE_INSENSITIVE));
        portal.awaitText(Pattern.compile("\\brule\\b", Pattern.CASE_INSENSITIVE));

        portal.follow(Pattern.compile("gaps", Pattern.CASE_INSENSITIVE)).awaitHeading("Gaps and next steps");
        portal.awaitText(ROLE_PROFILE_TITLE);
        for (JsonNode requirement : api.get(LEARNER_ADA, "/api/learners/" + LEARNER_ADA_ID + "/gaps")
                .path("requirements")) {
            portal.awaitText(requirement.path("title").asString());
        }
        for (JsonNode step : api.get(LEARNER_ADA, "/api/learners/" + LEARNER_ADA_ID + "/recommendations")) {
            for (JsonNode resource : step.path("resources")) {
                String title = resource.path("title").asString();
                assertThat(portal.offers(Portal.literal(title)))
                        .as("the recommended resource \"%s\" is a link; %s", title, portal.whereAmI()).isTrue();
            }
        }
    }

    @Test
    void refusesAnotherLearnersProfile_inThePortalAndTheApi(Portal portal) {
        portal.signInAs(LEARNER_GRACE, "My competencies");

        portal.visit("/learners/" + LEARNER_ADA_ID);

        portal.awaitText("You can only see your own profile");
        assertThat(portal.bodyText()).doesNotContain(DESIGNS_APIS_TITLE);
        assertThat(portal.fetchStatus("/api/learners/" + LEARNER_ADA_ID)).isEqualTo(403);
        assertThat(portal.fetchStatus("/api/learners/" + LEARNER_ADA_ID + "/mastery")).isEqualTo(403);
    }

    @Test
    void endsTheSession_whenLearnerSignsOut(Portal portal) {
        portal.signInAs(LEARNER_ADA, "My competencies");
        assertThat(portal.session()).containsEntry("authenticated", true).containsEntry("username", LEARNER_ADA);
        assertThat(portal.fetchStatus("/api/learners/" + LEARNER_ADA_ID)).isEqualTo(200);

        portal.signOut();

        assertThat(portal.session()).containsEntry("authenticated", false);
        assertThat(portal.fetchStatus("/api/learners/" + LEARNER_ADA_ID)).isEqualTo(401);
        portal.visit("/me");
        portal.awaitOffered(Pattern.compile("^sign in$", Pattern.CASE_INSENSITIVE));
        assertThat(portal.bodyText()).doesNotContain(DESIGNS_APIS_TITLE);
    }

    /** Chart.js draws on a canvas: one is shown, with a size. */
    static void assertDrawsChart(Portal portal, String page) {
        WebElement canvas = portal.await("a chart on " + page, d -> d.findElements(By.tagName("canvas")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        assertThat(canvas.getSize().getWidth()).as("chart width on %s", page).isPositive();
        assertThat(canvas.getSize().getHeight()).as("chart height on %s", page).isPositive();
    }
}
