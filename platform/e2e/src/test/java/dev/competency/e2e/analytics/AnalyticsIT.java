package dev.competency.e2e.analytics;

import static dev.competency.e2e.platform.DemoOrganisation.ADMIN;
import static dev.competency.e2e.platform.DemoOrganisation.ANALYST;
import static dev.competency.e2e.platform.DemoOrganisation.AUTHOR;
import static dev.competency.e2e.platform.DemoOrganisation.FRAMEWORK_CODE;
import static dev.competency.e2e.platform.DemoOrganisation.TEAM_ID;
import static dev.competency.e2e.platform.DemoOrganisation.TEAM_MEMBER_NAMES;
import static dev.competency.e2e.platform.DemoOrganisation.UNIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.competency.e2e.browser.Portal;
import dev.competency.e2e.platform.PlatformApi;
import dev.competency.e2e.platform.PortalTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The analytics area as an analyst and an administrator use it: the capability map's numbers are the service's, a
 * group too small to show reads "hidden", never 0; a filtered view downloads as the same query in CSV; the coaching
 * list, which names people, is refused to an analyst; the rebuild of analytics runs to its end from the
 * administration page.
 */
@PortalTest
class AnalyticsIT {

    private static final Pattern CAPABILITY_MAP = Pattern.compile("^Mastered share per group");
    private static final Pattern PEOPLE_COLUMN = Pattern.compile("^People$");
    private static final Pattern DOWNLOAD_CSV = Pattern.compile("^Download CSV", Pattern.CASE_INSENSITIVE);
    private static final Pattern FRAMEWORK = Pattern.compile("^Framework$");
    private static final Pattern GROUP_BY = Pattern.compile("^Group by$");
    /**
     * Two organisation units of two people each, registered by the test: each is smaller than the minimum group
     * size, and with two of them hidden, the demo unit beside them stays shown (one hidden sibling alone would hide
     * the next-smallest group as well).
     */
    private static final Map<String, List<String>> SMALL_UNITS = Map.of(
            "Research lab", List.of("e2e-research-1", "e2e-research-2"),
            "Design studio", List.of("e2e-design-1", "e2e-design-2"));
    private static final Duration ANALYTICS_PATIENCE = Duration.ofSeconds(90);

    @Test
    void showsTheServicesNumbers_andHidesSmallGroupsWithoutZeros(Portal portal, PlatformApi api) {
        registerSmallUnits(api);
        api.awaitAnalyticsHoldsTheDemoTeam();
        JsonNode map = await("the small units in the analyst's capability map").atMost(ANALYTICS_PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> api.get(ANALYST, "/api/analytics/capability"),
                        answer -> SMALL_UNITS.keySet().stream().allMatch(unit -> group(answer, unit) != null));
        int minimum = map.path("minimumGroupSize").asInt();
        String hidden = "hidden (fewer than " + minimum + " people)";
        JsonNode demoUnit = group(map, UNIT);
        assertThat(minimum).as("the analyst's minimum group size").isEqualTo(5);
        assertThat(demoUnit).as("the demo unit in %s", map).isNotNull();
        assertThat(demoUnit.path("suppressed").asBoolean()).as("the demo unit of six is shown").isFalse();
        SMALL_UNITS.keySet().forEach(unit -> assertThat(group(map, unit).path("suppressed").asBoolean())
                .as("%s of two is suppressed", unit).isTrue());

        portal.signInAs(ANALYST, "Analytics");
        portal.awaitTableRows(CAPABILITY_MAP);

        assertThat(portal.awaitCell(UNIT, PEOPLE_COLUMN)).isEqualTo(String.valueOf(demoUnit.path("members").asInt()));
        for (JsonNode competency : map.path("competencies")) {
            Pattern column = Portal.literal(competency.path("title").asString());
            JsonNode cell = cell(map, UNIT, competency.path("competencyId").asString());
            if (cell.path("rated").asInt() > 0) {
                portal.awaitCellContaining(UNIT, column, cell.path("mastered").asInt() + " of "
                        + cell.path("rated").asInt() + " mastered");
            }
            for (String unit : SMALL_UNITS.keySet()) {
                assertThat(portal.awaitCell(unit, column)).as("%s on %s", unit, competency.path("title"))
                        .isEqualTo(hidden);
            }
        }
        for (String unit : SMALL_UNITS.keySet()) {
            assertThat(portal.awaitCell(unit, PEOPLE_COLUMN)).as("the people of %s", unit).isEqualTo(hidden);
        }
    }

    @Test
    void downloadsTheFilteredView_withTheParametersOfItsAddress(Portal portal, PlatformApi api) {
        String frameworkId = api.demoFramework().frameworkId();
        String frameworkTitle = StreamSupport.stream(
                        api.get(AUTHOR, "/api/frameworks?code=" + FRAMEWORK_CODE).spliterator(), false)
                .filter(framework -> frameworkId.equals(framework.path("frameworkId").asString()))
                .map(framework -> framework.path("title").asString()).findFirst().orElseThrow();

        portal.signInAs(ANALYST, "Analytics");
        portal.awaitTableRows(CAPABILITY_MAP);
        portal.select(FRAMEWORK, frameworkTitle).select(GROUP_BY, "Team").press("Apply filters");

        Map<String, List<String>> address = portal.await("the filters in the address", d -> {
            Map<String, List<String>> query = portal.queryParameters();
            return query.containsKey("groupBy") ? query : null;
        });
        assertThat(address).containsOnly(Map.entry("frameworkId", List.of(frameworkId)),
                Map.entry("groupBy", List.of("team")));
        portal.awaitCell(TEAM_ID + " (" + UNIT + ")", PEOPLE_COLUMN);

        URI csv = portal.linkTarget(DOWNLOAD_CSV);
        assertThat(csv.getPath()).isEqualTo("/api/analytics/capability");
        Map<String, List<String>> csvQuery = new LinkedHashMap<>(Portal.queryParameters(csv));
        assertThat(csvQuery.remove("format")).as("the CSV link's format").isEqualTo(List.of("csv"));
        assertThat(csvQuery).as("the CSV link's filters").isEqualTo(address);

        Portal.Fetched file = portal.fetchText(csv.toString());
        assertThat(file.status()).as("the CSV download in the browser's session: %s", file.body()).isEqualTo(200);
        assertThat(file.contentType()).startsWith("text/csv");
        List<String> lines = file.body().lines().filter(line -> !line.isBlank()).toList();
        List<String> header = List.of(lines.get(0).split(","));
        JsonNode json = api.get(ANALYST, "/api/analytics/capability?frameworkId=" + frameworkId + "&groupBy=team");
        assertThat(header).as("the CSV's columns").containsSubsequence("unit", "teamId", "competencyId")
                .containsAll(cellColumns(json));
        List<String> groupsOfRows = lines.subList(1, lines.size()).stream()
                .map(row -> row.substring(0, row.indexOf(',', row.indexOf(',') + 1))).toList();
        List<String> groupsOfCells = StreamSupport.stream(json.path("cells").spliterator(), false)
                .map(cell -> cell.path("unit").asString() + "," + (cell.hasNonNull("teamId")
                        ? cell.path("teamId").asString() : "")).toList();
        assertThat(groupsOfRows).as("a row per cell of the JSON answer, by unit and team")
                .isEqualTo(groupsOfCells).contains(UNIT + "," + TEAM_ID);
    }

    @Test
    void refusesTheCoachingList_andNamesNoOne_whenAnAnalystOpensIt(Portal portal) {
        portal.signInAs(ANALYST, "Analytics");
        portal.awaitOffered(Pattern.compile("^Capability map$"));
        assertThat(portal.offers(Pattern.compile("^Coaching list$"))).as("the analyst's view navigation").isFalse();

        portal.visit("/analytics/coaching");

        portal.awaitText("The coaching list names people: only the managers of a team and administrators may see it.");
        assertThat(portal.bodyText()).doesNotContain(TEAM_MEMBER_NAMES.toArray(String[]::new));
        assertThat(portal.offers(DOWNLOAD_CSV)).isFalse();
        assertThat(portal.fetchStatus("/api/analytics/coaching?teamId=" + TEAM_ID)).isEqualTo(403);
    }

    @Test
    void rebuildsAnalytics_untilItsProgressIsDone_whenAdministratorStartsIt(Portal portal, PlatformApi api) {
        Instant pressed = Instant.now();
        portal.signInAs(ADMIN, "Administration");
        Pattern status = Pattern.compile("^Status$");
        portal.awaitCell("Analytics", status);

        portal.press(Pattern.compile("^Rebuild Analytics$")).press("Rebuild");

        String done = portal.await("the analytics rebuild reported done", d -> portal.cell("Analytics", status)
                .filter(text -> text.startsWith("Rebuilt")).orElse(null));
        JsonNode rebuild = api.get(ADMIN, "/api/analytics/admin/rebuild");
        assertThat(rebuild.path("state").asString()).isEqualTo("DONE");
        assertThat(Instant.parse(rebuild.path("startedAt").asString())).as("the rebuild started by the press")
                .isAfterOrEqualTo(pressed.minusSeconds(1));
        long read = rebuild.path("eventsRead").asLong();
        assertThat(read).isPositive().isEqualTo(rebuild.path("eventsTotal").asLong());
        assertThat(rebuild.path("percentDone").asDouble()).isEqualTo(100.0);
        assertThat(done).contains("(" + read + " of " + read + " events)");
    }

    private static void registerSmallUnits(PlatformApi api) {
        SMALL_UNITS.forEach((unit, learners) -> {
            for (String learnerId : learners) {
                PlatformApi.Answer answer = api.send(ADMIN, "POST", "/api/learners", Map.of("learnerId", learnerId,
                        "displayName", "Learner " + learnerId, "email", learnerId + "@example.com",
                        "organisationUnit", unit));
                assertThat(answer.status()).as("registering %s: %s", learnerId, answer).isIn(201, 409);
            }
        });
    }

    /** The group of a unit (grouped by unit) in a capability map; null when the map has none. */
    private static JsonNode group(JsonNode map, String unit) {
        for (JsonNode group : map.path("groups")) {
            if (unit.equals(group.path("unit").asString()) && !group.hasNonNull("teamId")) {
                return group;
            }
        }
        return null;
    }

    private static JsonNode cell(JsonNode map, String unit, String competencyId) {
        for (JsonNode cell : map.path("cells")) {
            if (unit.equals(cell.path("unit").asString()) && competencyId.equals(cell.path("competencyId").asString())) {
                return cell;
            }
        }
        throw new AssertionError("No cell of " + unit + " on " + competencyId + " in " + map);
    }

    /** The columns a capability cell of the JSON answer makes in CSV: its fields, and one per level counted. */
    private static Set<String> cellColumns(JsonNode map) {
        Set<String> columns = new LinkedHashSet<>();
        List<String> levels = new ArrayList<>();
        for (JsonNode cell : map.path("cells")) {
            for (String field : cell.propertyNames()) {
                if (!field.equals("levels")) {
                    columns.add(field);
                }
            }
            cell.path("levels").propertyNames().forEach(level -> levels.add("level:" + level));
        }
        columns.addAll(levels);
        return columns;
    }
}
