package dev.competency.e2e.pages;

import static dev.competency.e2e.platform.DemoOrganisation.ADMIN;
import static dev.competency.e2e.platform.DemoOrganisation.ANALYST;
import static dev.competency.e2e.platform.DemoOrganisation.ASSESSOR;
import static dev.competency.e2e.platform.DemoOrganisation.AUTHOR;
import static dev.competency.e2e.platform.DemoOrganisation.DESIGNS_APIS;
import static dev.competency.e2e.platform.DemoOrganisation.EVIDENCE_FROM;
import static dev.competency.e2e.platform.DemoOrganisation.EVIDENCE_TO;
import static dev.competency.e2e.platform.DemoOrganisation.LEARNER_ADA;
import static dev.competency.e2e.platform.DemoOrganisation.LEARNER_ADA_ID;
import static dev.competency.e2e.platform.DemoOrganisation.MANAGER;
import static dev.competency.e2e.platform.DemoOrganisation.ROLE_PROFILE_TITLE;
import static dev.competency.e2e.platform.DemoOrganisation.TEAM_ID;

import dev.competency.e2e.browser.Portal;
import dev.competency.e2e.platform.PortalTest;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every main page of the portal, as its role reaches it (an analytics view once its table has rows and its chart is
 * drawn): axe-core finds no serious or critical violation at 1280 px and at 390 px wide, and a screenshot at each
 * width is saved under {@code target/screenshots/}.
 */
@PortalTest
class MainPagesIT {

    /**
     * One page: a file-name-safe name, the account that opens it (none: signed out), its home's heading, how to get
     * there from the home, and the heading that shows it is there.
     */
    record MainPage(String name, String account, String home, Consumer<Portal> reach, Pattern heading) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<MainPage> mainPages() {
        Pattern any = Pattern.compile(".+");
        return Stream.of(
                new MainPage("landing", null, null, portal -> portal.visit("/"), null),
                new MainPage("issuer-sign-in", null, null, Portal::openIssuerLoginPage, null),
                page("learner-competencies", LEARNER_ADA, "My competencies", "/me", exactly("My competencies")),
                page("learner-growth", LEARNER_ADA, "My competencies", "/me/growth", exactly("Growth")),
                page("learner-why-this-level", LEARNER_ADA, "My competencies", "/me/competencies/" + DESIGNS_APIS,
                        exactly("Why this level")),
                page("learner-gaps", LEARNER_ADA, "My competencies", "/me/gaps", exactly("Gaps and next steps")),
                page("learner-evidence", LEARNER_ADA, "My competencies", "/me/evidence", exactly("Evidence")),
                page("learner-assessments", LEARNER_ADA, "My competencies", "/me/assessments",
                        exactly("Assessments")),
                page("learner-forbidden", LEARNER_ADA, "My competencies", "/team", any),
                page("team", MANAGER, "Team", "/team", exactly("Team")),
                page("team-heatmap", MANAGER, "Team", "/team/" + TEAM_ID, any),
                page("team-member", MANAGER, "Team", "/learners/" + LEARNER_ADA_ID, any),
                page("challenges", LEARNER_ADA, "My competencies", "/challenges", exactly("Challenges")),
                page("challenge-new", MANAGER, "Team", "/challenges/new", exactly("New challenge")),
                page("notification-settings", LEARNER_ADA, "My competencies", "/notifications/settings",
                        exactly("Notification settings")),
                page("grading-queue", ASSESSOR, "Grading queue", "/grading", exactly("Grading queue")),
                page("authoring-frameworks", AUTHOR, "Frameworks", "/authoring/frameworks", exactly("Frameworks")),
                new MainPage("authoring-case-import", AUTHOR, "Frameworks",
                        portal -> portal.follow(Pattern.compile("import", Pattern.CASE_INSENSITIVE)),
                        exactly("Import a CASE package")),
                analyticsView("analytics", "/analytics", NO_FILTER, "Mastered share per group", false),
                analyticsView("analytics-readiness", "/analytics/readiness",
                        portal -> portal.select(Pattern.compile("^Role profile"), ROLE_PROFILE_TITLE)
                                .press("Apply filters"),
                        "People ready, close and far", true),
                analyticsView("analytics-trend", "/analytics/trend", NO_FILTER, "Share mastered per", true),
                analyticsView("analytics-time-to-mastery", "/analytics/time-to-mastery", NO_FILTER,
                        "Median and 75th percentile", false),
                analyticsView("analytics-gaps", "/analytics/gaps", NO_FILTER, "Requirements ranked by gap score",
                        true),
                analyticsView("analytics-evidence", "/analytics/evidence?from=" + EVIDENCE_FROM + "&to="
                        + EVIDENCE_TO + "&interval=month", NO_FILTER, "Evidence recorded per month", true),
                page("administration", ADMIN, "Administration", "/admin", exactly("Administration")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mainPages")
    void passesAxeAtBothWidths_andIsCaptured(MainPage page, Portal portal) {
        if (page.account() != null) {
            portal.signInAs(page.account(), page.home());
        }
        page.reach().accept(portal);
        if (page.heading() != null) {
            portal.awaitHeading(page.heading());
        } else {
            portal.awaitText(Pattern.compile("sign in", Pattern.CASE_INSENSITIVE));
        }
        portal.checkPage(page.name());
    }

    private static MainPage page(String name, String account, String home, String path, Pattern heading) {
        return new MainPage(name, account, home, portal -> portal.visit(path), heading);
    }

    private static final Consumer<Portal> NO_FILTER = portal -> { };

    /**
     * A view of the analytics page, as the analyst opens it: the page (h1 "Analytics") at {@code path}, with the
     * filters {@code filter} applies, is there once the view's table (captioned {@code caption}) has rows and, for
     * the views that draw one with the demo data, its chart is drawn.
     */
    private static MainPage analyticsView(String name, String path, Consumer<Portal> filter, String caption,
                                          boolean chart) {
        return new MainPage(name, ANALYST, "Analytics", portal -> {
            portal.visit(path);
            filter.accept(portal);
            portal.awaitTableRows(Pattern.compile("^" + Portal.literal(caption).pattern()));
            if (chart) {
                portal.awaitChartDrawn(name);
            }
        }, exactly("Analytics"));
    }

    private static Pattern exactly(String heading) {
        return Pattern.compile("^" + Pattern.quote(heading) + "$");
    }
}
