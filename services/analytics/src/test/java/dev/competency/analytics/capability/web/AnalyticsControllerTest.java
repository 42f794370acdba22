package dev.competency.analytics.capability.web;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.competency.analytics.access.AnalyticsAccessPolicy;
import dev.competency.analytics.capability.query.TeamCapability;
import dev.competency.analytics.evidence.query.EvidenceVolume;
import dev.competency.analytics.mastery.query.CurrentMastery;
import dev.competency.contracts.evidence.SourceType;
import dev.competency.platform.test.TestTokens;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = AnalyticsController.class)
@Import(AnalyticsAccessPolicy.class)
class AnalyticsControllerTest {

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private EvidenceVolume evidenceVolume;
    @MockitoBean
    private TeamCapability teamCapability;
    @MockitoBean
    private CurrentMastery currentMastery;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Test
    void countsEvidenceBySource_forAnalyst() throws Exception {
        given(evidenceVolume.bySource()).willReturn(Map.of(SourceType.XAPI, 7L));

        mvc.perform(get("/api/analytics/evidence/sources").header("Authorization", bearer("analyst-1", "ANALYST")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.XAPI").value(7));
    }

    @Test
    void rejectsWith401Problem_withoutToken() throws Exception {
        mvc.perform(get("/api/analytics/evidence/sources"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.type").value("/problems/unauthenticated"));
        verifyNoInteractions(evidenceVolume);
    }

    @Test
    void rejectsWith401_withForgedToken() throws Exception {
        mvc.perform(get("/api/analytics/evidence/sources")
                        .header("Authorization", "Bearer " + TestTokens.forged("analyst-1", "ANALYST")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void rejectsWith403_whenLearnerAsksForAggregates() throws Exception {
        mvc.perform(get("/api/analytics/evidence/sources").header("Authorization", bearer("learner-1", "LEARNER")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        verifyNoInteractions(evidenceVolume);
    }

    @Test
    void suppressesSmallGroups_forAnalyst() throws Exception {
        given(teamCapability.of("team-1", true)).willReturn(new TeamCapability.Report("team-1", 2, 3, List.of()));

        mvc.perform(get("/api/analytics/teams/team-1/capability").header("Authorization", bearer("analyst-1", "ANALYST")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.minimumGroupSize").value(3));
        verify(teamCapability).of("team-1", true);
    }

    @Test
    void showsOwnTeamWithoutSuppression_forItsManager() throws Exception {
        given(teamCapability.of("team-1", false)).willReturn(new TeamCapability.Report("team-1", 2, 0, List.of()));

        mvc.perform(get("/api/analytics/teams/team-1/capability").header("Authorization", manager("team-1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.memberCount").value(2));
    }

    @Test
    void rejectsWith403_whenManagerAsksForAnotherTeam() throws Exception {
        mvc.perform(get("/api/analytics/teams/team-1/capability").header("Authorization", manager("team-2")))
                .andExpect(status().isForbidden());
        verifyNoInteractions(teamCapability);
    }

    @Test
    void rejectsWith403_whenAnalystAsksForOneLearnersMastery() throws Exception {
        mvc.perform(get("/api/analytics/learners/learner-1/mastery").header("Authorization", bearer("analyst-1", "ANALYST")))
                .andExpect(status().isForbidden());
        verifyNoInteractions(currentMastery);
    }

    @Test
    void showsOneLearnersMastery_toAdmin() throws Exception {
        given(currentMastery.ofLearners(List.of("learner-1"))).willReturn(List.of(new Document("learnerId", "learner-1")
                .append("competencyId", "api").append("frameworkId", "fw").append("frameworkVersion", 2)
                .append("level", "PROFICIENT").append("score", 0.8).append("mastered", true)
                .append("changedAt", new Date(0))));

        mvc.perform(get("/api/analytics/learners/learner-1/mastery").header("Authorization", bearer("admin-1", "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].competencyId").value("api"))
                .andExpect(jsonPath("$[0].level").value("PROFICIENT"))
                .andExpect(jsonPath("$[0].changedAt").value("1970-01-01T00:00:00Z"));
    }

    private static String bearer(String subject, String role) {
        return "Bearer " + TestTokens.token(subject, role);
    }

    private static String manager(String team) {
        return "Bearer " + TestTokens.token("manager-1", Map.of("roles", List.of("MANAGER"),
                "managed_teams", List.of(team)));
    }
}
