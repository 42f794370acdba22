package dev.competency.e2e.team;

import static dev.competency.e2e.platform.DemoOrganisation.DESIGNS_APIS;
import static dev.competency.e2e.platform.DemoOrganisation.DESIGNS_APIS_HEADER;
import static dev.competency.e2e.platform.DemoOrganisation.LEARNER_ADA_ID;
import static dev.competency.e2e.platform.DemoOrganisation.LEARNER_ADA_NAME;
import static dev.competency.e2e.platform.DemoOrganisation.MANAGER;
import static dev.competency.e2e.platform.DemoOrganisation.TEAM_ID;
import static dev.competency.e2e.platform.DemoOrganisation.TEAM_MEMBER_NAMES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.e2e.browser.Portal;
import dev.competency.e2e.platform.PlatformApi;
import dev.competency.e2e.platform.PortalTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The demo manager sees his team as a heatmap: every member, a level in words per competency, readiness. */
@PortalTest
class TeamHeatmapIT {

    private static final Pattern DESIGNS_APIS_COLUMN = Pattern.compile(DESIGNS_APIS_HEADER);
    private static final Pattern READINESS_COLUMN = Pattern.compile("readiness", Pattern.CASE_INSENSITIVE);

    @Test
    void showsEveryMemberWithLevelsAsText_whenManagerOpensTheTeam(Portal portal, PlatformApi api) {
        PlatformApi.PublishedFramework framework = api.demoFramework();
        String adasLevel = framework.labelOf(api.levelOf(MANAGER, LEARNER_ADA_ID, DESIGNS_APIS).orElseThrow());

        portal.signInAs(MANAGER, "Team");
        portal.visit("/team/" + TEAM_ID);

        for (String member : TEAM_MEMBER_NAMES) {
            assertThat(portal.awaitCell(member, DESIGNS_APIS_COLUMN)).as("%s's level in words", member)
                    .containsPattern("\\p{L}");
            assertThat(portal.awaitCell(member, READINESS_COLUMN)).as("%s's readiness", member).isNotBlank();
        }
        portal.awaitCellContaining(LEARNER_ADA_NAME, DESIGNS_APIS_COLUMN, adasLevel);
    }
}
