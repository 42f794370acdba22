package dev.competency.learners.learner.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.competency.learners.access.LearnerAccessPolicy;
import dev.competency.learners.learner.query.LearnerProfiles;
import dev.competency.learners.learner.query.MasteryHistory;
import dev.competency.platform.test.TestTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = MasteryHistoryController.class)
@Import({LearnerAccessPolicy.class, MasteryHistoryControllerTest.FixedClock.class})
class MasteryHistoryControllerTest {

    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private LearnerProfiles profiles;
    @MockitoBean
    private MasteryHistory history;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @BeforeEach
    void learnerWithOneChange() {
        given(profiles.find("learner-1")).willReturn(Optional.of(new LearnerProfiles.Profile("learner-1", "Ada", null,
                "ENG", NOW, "role-1", null, "team-1", "manager-1")));
        given(history.historyOf(eq("learner-1"), eq("api-design"), any())).willReturn(List.of(
                new MasteryHistory.LevelChange(Instant.parse("2026-10-01T10:00:00Z"), "PROFICIENT", 0.8, true,
                        MasteryHistory.Cause.EVIDENCE, List.of("e1"))));
    }

    @Test
    void answersTheChangesOfLevel_whenLearnerReadsOwnGrowth() throws Exception {
        mvc.perform(get("/api/learners/learner-1/mastery/api-design/history")
                        .header("Authorization", "Bearer " + TestTokens.token("learner-1", "LEARNER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].level").value("PROFICIENT"))
                .andExpect(jsonPath("$[0].at").value("2026-10-01T10:00:00Z"))
                .andExpect(jsonPath("$[0].cause").value("EVIDENCE"))
                .andExpect(jsonPath("$[0].evidenceIds[0]").value("e1"));
    }

    @Test
    void rejectsWith403_whenLearnerReadsAnotherLearnersGrowth() throws Exception {
        mvc.perform(get("/api/learners/learner-1/mastery/api-design/history")
                        .header("Authorization", "Bearer " + TestTokens.token("learner-2", "LEARNER")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
    }

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }
}
