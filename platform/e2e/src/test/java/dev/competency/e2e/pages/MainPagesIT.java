package dev.competency.e2e.pages;

import static dev.competency.e2e.platform.DemoOrganisation.ADMIN;
import static dev.competency.e2e.platform.DemoOrganisation.ANALYST;
import static dev.competency.e2e.platform.DemoOrganisation.ASSESSOR;
import static dev.competency.e2e.platform.DemoOrganisation.AUTHOR;
import static dev.competency.e2e.platform.DemoOrganisation.DESIGNS_APIS;
import static dev.competency.e2e.platform.DemoOrganisation.LEARNER_ADA;
import static dev.competency.e2e.platform.DemoOrganisation.LEARNER_ADA_ID;
import static dev.competency.e2e.platform.DemoOrganisation.MANAGER;
import static dev.competency.e2e.platform.DemoOrganisation.TEAM_ID;

import dev.competency.e2e.browser.Portal;
import dev.competency.e2e.platform.PortalTest;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every main page of the portal, as its role reaches it: axe-core finds no serious or critical violation at 1280 px
 * and at 390 px wide, and a screenshot at each width is saved under {@code target/screenshots/}.
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
                page("grading-queue", ASSESSOR, "Grading queue", "/grading", exactly("Grading queue")),
                page("authoring-frameworks", AUTHOR, "Frameworks", "/authoring/frameworks", exactly("Frameworks")),
                new MainPage("authoring-case-import", AUTHOR, "Frameworks",
                        portal -> portal.follow(Pattern.compile("import", Pattern.CASE_INSENSITIVE)),
                        exactly("Import a CASE package")),
                page("analytics", ANALYST, "Analytics", "/analytics", exactly("Analytics")),
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

    private static Pattern exactly(String heading) {
        return Pattern.compile("^" + Pattern.quote(heading) + "$");
    }
}
