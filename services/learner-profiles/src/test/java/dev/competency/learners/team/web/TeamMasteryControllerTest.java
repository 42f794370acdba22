package dev.competency.learners.team.web;

import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.competency.learners.access.LearnerAccessPolicy;
import dev.competency.learners.learner.query.GapAnalysis;
import dev.competency.learners.learner.query.LearnerProfiles;
import dev.competency.learners.learner.query.MasteryQueries;
import dev.competency.learners.learner.query.MasteryQueries.CompetencyMastery;
import dev.competency.learners.mastery.DecidingRule;
import dev.competency.learners.mastery.Explanation;
import dev.competency.learners.mastery.MasteryMethod;
import dev.competency.learners.mastery.MasteryResult;
import dev.competency.learners.mastery.RollupPolicy;
import dev.competency.learners.mastery.RollupResult;
import dev.competency.platform.service.web.ResourceNotFound;
import dev.competency.platform.test.TestTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The team mastery heatmap at the web boundary: who may read it, and what one call answers. */
@WebMvcTest(controllers = TeamMasteryController.class)
@Import(LearnerAccessPolicy.class)
class TeamMasteryControllerTest {

    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    private static final Instant EARLIER = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-10-01T10:00:00Z");
    private static final LearnerProfiles.Profile ADA = new LearnerProfiles.Profile("learner-1", "Ada", null, "ENG",
            NOW, "role-1", 1, "team-1", "manager-1");
    private static final LearnerProfiles.Profile BO = new LearnerProfiles.Profile("learner-2", "Bo", null, "ENG",
            NOW, null, null, "team-1", "manager-1");
    /** Ada's mastery out of competency id order: a result, a pending one, a rolled-up parent and an expired one. */
    private static final List<CompetencyMastery> ADA_MASTERY = List.of(
            new CompetencyMastery("c-b", "f1", 3, result("c-b", "PROFICIENT", 0.8, true, LATER,
                    Instant.parse("2028-10-01T10:00:00Z"), DecidingRule.COMPUTED), null),
            new CompetencyMastery("c-c", "f1", 3, null, null),
            new CompetencyMastery("c-a", "f1", 3, null, new RollupResult("c-a",
                    new RollupPolicy.AllChildren(List.of("c-b")), "PROFICIENT", true, 0, List.of(),
                    "Every child is proficient.")),
            new CompetencyMastery("c-d", "f1", 3, result("c-d", "PROFICIENT", 0.7, false, EARLIER,
                    Instant.parse("2026-06-01T10:00:00Z"), DecidingRule.EXPIRED), null));

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private LearnerProfiles profiles;
    @MockitoBean
    private MasteryQueries mastery;
    @MockitoBean
    private GapAnalysis gaps;
    @MockitoBean
    private Clock clock;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    private static MasteryResult result(String competencyId, String level, double score, boolean mastered,
                                        Instant lastEvidenceAt, Instant expiresAt, DecidingRule rule) {
        return new MasteryResult(competencyId, level, score, mastered, 2, EARLIER, lastEvidenceAt, expiresAt,
                new MasteryMethod.Highest(), 2, new Explanation(rule, "Highest score.", List.of(), List.of(), score,
                1.0), null);
    }

    private static String manager(String team) {
        return "Bearer " + TestTokens.token("manager-1", Map.of("roles", List.of("MANAGER"),
                "managed_teams", List.of(team)));
    }

    @BeforeEach
    void teamOfTwo() {
        given(clock.instant()).willReturn(NOW);
        given(profiles.membersOf("team-1")).willReturn(List.of(ADA, BO));
        given(mastery.masteryOf("learner-1", NOW, NOW)).willReturn(ADA_MASTERY);
        given(mastery.masteryOf("learner-2", NOW, NOW)).willReturn(List.of());
        given(gaps.gapsFrom(eq(ADA), any())).willReturn(new GapAnalysis.GapReport("learner-1", "role-1", 1,
                "Engineer", 0.75, List.of(), null));
    }

    @Test
    void answersEveryMembersLevels_inCompetencyIdOrder_whenManagerManagesTheTeam() throws Exception {
        mvc.perform(get("/api/teams/team-1/mastery").header("Authorization", manager("team-1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.teamId").value("team-1"))
                .andExpect(jsonPath("$.asOf").value("2026-11-28T09:00:00Z"))
                .andExpect(jsonPath("$.members.length()").value(2))
                .andExpect(jsonPath("$.members[0].learnerId").value("learner-1"))
                .andExpect(jsonPath("$.members[0].displayName").value("Ada"))
                .andExpect(jsonPath("$.members[0].roleProfileId").value("role-1"))
                .andExpect(jsonPath("$.members[0].readiness").value(0.75))
                .andExpect(jsonPath("$.members[0].lastEvidenceAt").value("2026-10-01T10:00:00Z"))
                .andExpect(jsonPath("$.members[0].competencies[*].competencyId")
                        .value(org.hamcrest.Matchers.contains("c-a", "c-b", "c-c", "c-d")))
                // A parent rolled up from its children: a level, no score.
                .andExpect(jsonPath("$.members[0].competencies[0].level").value("PROFICIENT"))
                .andExpect(jsonPath("$.members[0].competencies[0].score").value(nullValue()))
                .andExpect(jsonPath("$.members[0].competencies[0].mastered").value(true))
                .andExpect(jsonPath("$.members[0].competencies[1].frameworkId").value("f1"))
                .andExpect(jsonPath("$.members[0].competencies[1].frameworkVersion").value(3))
                .andExpect(jsonPath("$.members[0].competencies[1].level").value("PROFICIENT"))
                .andExpect(jsonPath("$.members[0].competencies[1].score").value(0.8))
                .andExpect(jsonPath("$.members[0].competencies[1].mastered").value(true))
                .andExpect(jsonPath("$.members[0].competencies[1].expiresAt").value("2028-10-01T10:00:00Z"))
                // Pending: the framework version has not arrived.
                .andExpect(jsonPath("$.members[0].competencies[2].level").value(nullValue()))
                .andExpect(jsonPath("$.members[0].competencies[2].mastered").value(false))
                // Expired at read time: the level stays, mastered does not.
                .andExpect(jsonPath("$.members[0].competencies[3].level").value("PROFICIENT"))
                .andExpect(jsonPath("$.members[0].competencies[3].mastered").value(false))
                .andExpect(jsonPath("$.members[0].competencies[3].expiresAt").value("2026-06-01T10:00:00Z"))
                .andExpect(jsonPath("$.members[1].learnerId").value("learner-2"))
                .andExpect(jsonPath("$.members[1].readiness").value(nullValue()))
                .andExpect(jsonPath("$.members[1].lastEvidenceAt").value(nullValue()))
                .andExpect(jsonPath("$.members[1].competencies.length()").value(0));
    }

    @Test
    void readsEachMembersEvidenceOnce_andComputesReadinessFromTheSameFold() throws Exception {
        mvc.perform(get("/api/teams/team-1/mastery").header("Authorization", manager("team-1")))
                .andExpect(status().isOk());

        verify(mastery, times(1)).masteryOf("learner-1", NOW, NOW);
        verify(mastery, times(1)).masteryOf("learner-2", NOW, NOW);
        verify(gaps).gapsFrom(eq(ADA), same(ADA_MASTERY));
        verify(gaps, never()).gaps(any(), any());
        verify(gaps, never()).gapsFrom(eq(BO), any());
    }

    @Test
    void leavesReadinessUnknown_whenTheRoleProfileHasNotArrived() throws Exception {
        given(gaps.gapsFrom(eq(ADA), any())).willThrow(new ResourceNotFound("Role profile role-1 has not been"
                + " published yet"));

        mvc.perform(get("/api/teams/team-1/mastery").header("Authorization", manager("team-1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members[0].readiness").value(nullValue()))
                .andExpect(jsonPath("$.members[0].competencies.length()").value(4));
    }

    @Test
    void answersTheTeam_whenAdminAsks() throws Exception {
        mvc.perform(get("/api/teams/team-1/mastery").header("Authorization",
                        "Bearer " + TestTokens.token("admin-1", "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members.length()").value(2));
    }

    @Test
    void answersAnEmptyTeam_whenNoLearnerIsInIt() throws Exception {
        mvc.perform(get("/api/teams/team-9/mastery").header("Authorization", manager("team-9")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.teamId").value("team-9"))
                .andExpect(jsonPath("$.members.length()").value(0));
    }

    @Test
    void rejectsWith403_whenManagerManagesAnotherTeam() throws Exception {
        mvc.perform(get("/api/teams/team-1/mastery").header("Authorization", manager("team-2")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"))
                .andExpect(jsonPath("$.detail").value("You may view only the teams you manage"));
        verifyNoInteractions(mastery);
    }

    @Test
    void rejectsWith403_whenAMemberAsksForTheirTeam() throws Exception {
        mvc.perform(get("/api/teams/team-1/mastery").header("Authorization",
                        "Bearer " + TestTokens.token("learner-1", "LEARNER")))
                .andExpect(status().isForbidden());
        verifyNoInteractions(mastery);
    }

    @Test
    void rejectsWith401_whenTokenIsMissing() throws Exception {
        mvc.perform(get("/api/teams/team-1/mastery"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/unauthenticated"));
        verifyNoInteractions(mastery);
    }

    @Test
    void namesTheTeamId_whenItIsLongerThanAnyTeamIdCanBe() throws Exception {
        mvc.perform(get("/api/teams/" + "t".repeat(129) + "/mastery").header("Authorization",
                        "Bearer " + TestTokens.token("admin-1", "ADMIN")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("teamId"));
        verifyNoInteractions(mastery);
    }
}
