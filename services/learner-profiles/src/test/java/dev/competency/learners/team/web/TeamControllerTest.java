package dev.competency.learners.team.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.competency.learners.access.LearnerAccessPolicy;
import dev.competency.learners.learner.query.CurrentMastery;
import dev.competency.learners.learner.query.GapAnalysis;
import dev.competency.learners.learner.query.LearnerProfiles;
import dev.competency.platform.test.TestTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = TeamController.class)
@Import(LearnerAccessPolicy.class)
class TeamControllerTest {

    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private LearnerProfiles profiles;
    @MockitoBean
    private CurrentMastery mastery;
    @MockitoBean
    private GapAnalysis gaps;
    @MockitoBean
    private Clock clock;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Test
    void showsMembersWithReadiness_whenManagerManagesTheTeam() throws Exception {
        given(clock.instant()).willReturn(NOW);
        given(profiles.membersOf("team-1")).willReturn(List.of(new LearnerProfiles.Profile("learner-1", "Ada", null,
                "ENG", NOW, "role-1", null, "team-1", "manager-1")));
        given(gaps.gapsKnownNow(any(), any())).willReturn(new GapAnalysis.GapReport("learner-1", "role-1", 1,
                "Engineer", 0.5,
                List.of(new GapAnalysis.Requirement("c1", "C1", "One", "PROFICIENT", "NOVICE", 2, 1, false, false),
                        new GapAnalysis.Requirement("c2", "C2", "Two", "NOVICE", "NOVICE", 0, 1, true, false)),
                null));
        // A rolled-up parent the learner has mastered counts like any other competency.
        given(mastery.effectiveOf("learner-1")).willReturn(List.of(
                new CurrentMastery.Entry("learner-1", "c1", "f1", 1, 1, "HIGHEST", "NOVICE", 0.2, false, 1, null, NOW,
                        false, null, null),
                new CurrentMastery.Entry("learner-1", "c2", "f1", 1, 1, "HIGHEST", "PROFICIENT", 0.9, true, 1, null,
                        NOW, false, null, null),
                new CurrentMastery.Entry("learner-1", "p", "f1", 1, null, "ROLL_UP(ALL_CHILDREN)", "PROFICIENT", null,
                        true, null, null, NOW, true, 6, null)));

        mvc.perform(get("/api/teams/team-1").header("Authorization", manager("team-1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.memberCount").value(1))
                .andExpect(jsonPath("$.averageReadiness").value(0.5))
                .andExpect(jsonPath("$.members[0].openGaps").value(1))
                .andExpect(jsonPath("$.members[0].masteredCompetencies").value(2));
    }

    @Test
    void rejectsWith403_whenManagerManagesAnotherTeam() throws Exception {
        mvc.perform(get("/api/teams/team-1").header("Authorization", manager("team-2")))
                .andExpect(status().isForbidden());
    }

    @Test
    void rejectsWith403_whenLearnerAsksForTeam() throws Exception {
        mvc.perform(get("/api/teams/team-1").header("Authorization",
                        "Bearer " + TestTokens.token("learner-1", "LEARNER")))
                .andExpect(status().isForbidden());
    }

    private static String manager(String team) {
        return "Bearer " + TestTokens.token("manager-1", Map.of("roles", List.of("MANAGER"),
                "managed_teams", List.of(team)));
    }
}
