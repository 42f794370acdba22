package dev.competency.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.competency.analytics.access.AnalyticsAccessPolicy;
import dev.competency.analytics.state.ContractEvents;
import dev.competency.analytics.state.ContractEvents.Event;
import dev.competency.analytics.stream.RebuildStatus;
import dev.competency.analytics.stream.StateFixture;
import dev.competency.analytics.stream.StateHolder;
import dev.competency.analytics.stream.TopicStream;
import dev.competency.contracts.evidence.SourceType;
import dev.competency.platform.test.TestTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analytics HTTP API over a state filled with events: roles, bad parameters as problem details naming the field,
 * and CSV answers with the same numbers as JSON.
 */
@WebMvcTest
@Import({AnalyticsAccessPolicy.class, StateHolder.class, AnalyticsWebTest.FixedClock.class})
class AnalyticsWebTest {

    private static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private MockMvc mvc;
    @Autowired
    private StateHolder holder;
    @MockitoBean
    private TopicStream stream;

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @BeforeEach
    void fill() {
        List<Event> events = new ArrayList<>();
        events.add(Event.of(ContractEvents.framework(1, List.of("c1", "c2"))));
        events.add(Event.of(ContractEvents.roleProfile("rp1", 1, Map.of("c1", "COMPETENT", "c2", "DEVELOPING"))));
        for (int i = 0; i < 12; i++) {
            String id = "learner-" + i;
            events.add(Event.of(ContractEvents.registered(id, "eng")));
            events.add(Event.of(ContractEvents.team(id, i < 6 ? "team-a" : "team-b")));
            events.add(Event.of(ContractEvents.role(id, "rp1")));
            events.add(Event.of(ContractEvents.evidence("ev-" + i, id, "c1", SourceType.ASSESSMENT,
                    Instant.parse("2026-03-02T10:00:00Z"))));
            events.add(Event.of(ContractEvents.mastery(id, "c1", i % 3 == 0 ? "DEVELOPING" : "COMPETENT", i % 3 != 0,
                    0.5 + i / 100.0, Instant.parse("2026-03-05T10:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"))));
            events.add(Event.of(ContractEvents.mastery(id, "c2", "DEVELOPING", false, 0.45,
                    Instant.parse("2026-03-05T10:00:00Z"))));
        }
        StateFixture.apply(holder, events);
    }

    @Test
    void answersCapabilityMapWithoutPeople_whenCallerIsAnalyst() throws Exception {
        mvc.perform(get("/api/analytics/capability?groupBy=team").header("Authorization", analyst()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.minimumGroupSize").value(5))
                .andExpect(jsonPath("$.groups.length()").value(2))
                .andExpect(jsonPath("$.cells[0].rated").value(6))
                .andExpect(jsonPath("$.cells[0].mastered").value(4))
                .andExpect(jsonPath("$.cells[0].levels.COMPETENT").value(4));
    }

    @Test
    void answersSameNumbersInCsvAsInJson_whenCsvIsAsked() throws Exception {
        JsonNode json = JSON.readTree(mvc.perform(get("/api/analytics/capability?groupBy=team")
                .header("Authorization", analyst())).andReturn().getResponse().getContentAsString());
        MvcResult csv = mvc.perform(get("/api/analytics/capability?groupBy=team").header("Accept", "text/csv")
                        .header("Authorization", analyst()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn();
        String body = csv.getResponse().getContentAsString();

        String[] lines = body.split("\r\n");
        List<String> header = List.of(lines[0].split(",", -1));
        assertThat(lines).hasSize(json.path("cells").size() + 1);
        for (int i = 0; i < json.path("cells").size(); i++) {
            JsonNode cell = json.path("cells").get(i);
            String[] row = lines[i + 1].split(",", -1);
            assertThat(row[header.indexOf("teamId")]).isEqualTo(cell.path("teamId").asString());
            assertThat(row[header.indexOf("competencyId")]).isEqualTo(cell.path("competencyId").asString());
            assertThat(row[header.indexOf("rated")]).isEqualTo(cell.path("rated").asString());
            assertThat(row[header.indexOf("mastered")]).isEqualTo(cell.path("mastered").asString());
            assertThat(Double.parseDouble(row[header.indexOf("masteredShare")]))
                    .isEqualTo(cell.path("masteredShare").asDouble());
            assertThat(row[header.indexOf("level:COMPETENT")]).isEqualTo(cell.path("levels").path("COMPETENT").asString());
        }
    }

    @Test
    void listsPeopleOfTeam_whenCallerIsItsManagerOnly() throws Exception {
        mvc.perform(get("/api/analytics/readiness?roleProfileId=rp1&groupBy=team").header("Authorization",
                        manager("team-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.minimumGroupSize").value(0))
                .andExpect(jsonPath("$.groups.length()").value(1))
                .andExpect(jsonPath("$.groups[0].teamId").value("team-a"))
                .andExpect(jsonPath("$.groups[0].people.length()").value(6))
                .andExpect(jsonPath("$.groups[0].people[0].learnerId").value("learner-0"))
                .andExpect(jsonPath("$.groups[0].people[0].displayName").doesNotExist());
        mvc.perform(get("/api/analytics/readiness?roleProfileId=rp1").header("Authorization", analyst()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groups[0].people").doesNotExist())
                .andExpect(jsonPath("$.groups[0].ready").value(8));
    }

    @Test
    void refusesCoachingList_whenCallerIsAnalyst() throws Exception {
        mvc.perform(get("/api/analytics/coaching").header("Authorization", analyst()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
    }

    @Test
    void listsExpiringAndStalledMembers_whenCallerIsManager() throws Exception {
        mvc.perform(get("/api/analytics/coaching?expiringDays=30&stalledWeeks=4").header("Authorization",
                        manager("team-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[?(@.kind == 'EXPIRING')].learnerId").isNotEmpty())
                .andExpect(jsonPath("$.entries[?(@.teamId == 'team-b')]").isEmpty());
    }

    @Test
    void refusesOtherTeam_whenCallerManagesAnotherTeam() throws Exception {
        mvc.perform(get("/api/analytics/capability?teamId=team-b").header("Authorization", manager("team-a")))
                .andExpect(status().isForbidden());
    }

    @Test
    void refusesEveryEndpoint_whenCallerIsLearner() throws Exception {
        for (String path : List.of("/api/analytics/capability", "/api/analytics/gaps", "/api/analytics/trend",
                "/api/analytics/evidence-flow", "/api/analytics/time-to-mastery", "/api/analytics/evidence/sources")) {
            mvc.perform(get(path).header("Authorization", "Bearer " + TestTokens.token("learner-1", "LEARNER")))
                    .andExpect(status().isForbidden());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "/api/analytics/trend?interval=fortnight, interval",
            "/api/analytics/trend?from=2026-13-01, from",
            "/api/analytics/trend?from=2026-03-01&to=2026-01-01, from",
            "/api/analytics/evidence-flow?from=1900-01-01&to=2026-01-01, from",
            "/api/analytics/readiness?roleProfileId=rp1&closeThreshold=0, closeThreshold",
            "/api/analytics/readiness?roleProfileId=rp1&closeThreshold=1.5, closeThreshold",
            "/api/analytics/readiness, roleProfileId",
            "/api/analytics/capability?groupBy=org, groupBy",
            "/api/analytics/capability?asOf=yesterday, asOf",
            "/api/analytics/capability?frameworkId=fw-dev&frameworkVersion=x, frameworkVersion",
            "/api/analytics/gaps?limit=0, limit",
            "/api/analytics/capability?format=xml, format"})
    void answers400NamingTheField_whenParameterIsBad(String path, String field) throws Exception {
        mvc.perform(get(path).header("Authorization", analyst()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    @Test
    void startsRebuild_whenCallerIsAdminOnly() throws Exception {
        given(stream.requestRebuild()).willReturn(new RebuildStatus(RebuildStatus.State.RUNNING, NOW, null, 0, 0, 0,
                Map.of()));
        mvc.perform(post("/api/analytics/admin/rebuild").header("Authorization", analyst()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/analytics/admin/rebuild").header("Authorization", "Bearer "
                        + TestTokens.token("admin-1", "ADMIN")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.state").value("RUNNING"));
    }

    @Test
    void answersFromState_whenOldEndpointsAreCalled() throws Exception {
        mvc.perform(get("/api/analytics/evidence/sources").header("Authorization", analyst()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ASSESSMENT").value(12));
        mvc.perform(get("/api/analytics/teams/team-a/capability").header("Authorization", analyst()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.memberCount").value(6));
        mvc.perform(get("/api/analytics/learners/learner-1/mastery").header("Authorization", "Bearer "
                        + TestTokens.token("admin-1", "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].level").value("COMPETENT"));
    }

    private static String analyst() {
        return "Bearer " + TestTokens.token("analyst-1", "ANALYST");
    }

    private static String manager(String team) {
        return "Bearer " + TestTokens.token("manager-1", Map.of("roles", List.of("MANAGER"),
                "managed_teams", List.of(team)));
    }
}
