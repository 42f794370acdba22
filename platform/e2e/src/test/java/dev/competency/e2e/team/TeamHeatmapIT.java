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
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The demo manager sees his team as a heatmap (every member, a level in words per competency, readiness), the
 * team's readiness for its role profile with each person's status, and the team's coaching list.
 */
@PortalTest
class TeamHeatmapIT {

    private static final Pattern DESIGNS_APIS_COLUMN = Pattern.compile(DESIGNS_APIS_HEADER);
    private static final Pattern STATUS_COLUMN = Pattern.compile("^Status$");
    /** The coaching list's kinds and the headings the page gives them. */
    private static final Map<String, String> COACHING_KINDS = Map.of("STALLED", "Stalled", "EXPIRING", "Expiring",
            "CLOSE_TO_READY", "Close to ready");
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

    @Test
    void showsReadinessWithItsPeopleAndTheCoachingList_whenManagerOpensTheTeam(Portal portal, PlatformApi api) {
        String roleProfileId = api.get(MANAGER, "/api/teams/" + TEAM_ID + "/mastery").path("members").path(0)
                .path("roleProfileId").asString();
        api.awaitAnalyticsHoldsTheDemoTeam();
        JsonNode team = api.get(MANAGER, "/api/analytics/readiness?roleProfileId=" + roleProfileId + "&teamId="
                + TEAM_ID + "&groupBy=team").path("groups").path(0);
        assertThat(team.path("people")).as("the team's people in %s", team).hasSize(TEAM_MEMBER_NAMES.size());
        JsonNode coaching = api.get(MANAGER, "/api/analytics/coaching?teamId=" + TEAM_ID).path("entries");

        portal.signInAs(MANAGER, "Team");
        portal.visit("/team/" + TEAM_ID);

        assertThat(portal.awaitTableRows(Pattern.compile("^People of ")))
                .as("a row per member under Readiness").isEqualTo(TEAM_MEMBER_NAMES.size());
        // Analytics knows people by id; the portal names them from learner-profiles, as the team does here.
        Map<String, String> names = new HashMap<>();
        api.get(MANAGER, "/api/teams/" + TEAM_ID + "/mastery").path("members").forEach(member ->
                names.put(member.path("learnerId").asString(), member.path("displayName").asString()));
        for (JsonNode person : team.path("people")) {
            String status = person.path("status").asString();
            portal.awaitCellContaining(names.get(person.path("learnerId").asString()), STATUS_COLUMN,
                    status.charAt(0) + status.substring(1).toLowerCase(Locale.ROOT));
        }
        if (coaching.isEmpty()) {
            portal.awaitText("No one in this team needs coaching right now.");
            return;
        }
        for (JsonNode entry : coaching) {
            portal.awaitText(entry.path("reason").asString());
        }
        for (Map.Entry<String, String> kind : COACHING_KINDS.entrySet()) {
            long entries = StreamSupport.stream(coaching.spliterator(), false)
                    .filter(entry -> kind.getKey().equals(entry.path("kind").asString())).count();
            portal.awaitText(kind.getValue() + " (" + entries + ")");
        }
    }
}
