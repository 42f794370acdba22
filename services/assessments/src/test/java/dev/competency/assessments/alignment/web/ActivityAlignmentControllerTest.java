package dev.competency.assessments.alignment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.competency.assessments.support.AccessPolicySlice;
import dev.competency.assessments.alignment.domain.ActivityAlignment;
import dev.competency.assessments.alignment.query.ActivityAlignments;
import dev.competency.assessments.frameworks.domain.FrameworkVersion;
import dev.competency.assessments.frameworks.domain.FrameworkVersions;
import dev.competency.assessments.learners.query.LearnerDirectory;
import dev.competency.platform.test.TestTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** An activity aligned to a parent whose mastery is rolled up from its children is refused unless confirmed. */
@WebMvcTest(controllers = ActivityAlignmentController.class)
@Import(AccessPolicySlice.class)
class ActivityAlignmentControllerTest {

    private static final String AUTHOR = "Bearer " + TestTokens.token("author-1", "AUTHOR");
    private static final String PARENT = "c-api";
    private static final String CHILD = "c-api-1";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ActivityAlignments alignments;
    @MockitoBean
    FrameworkVersions frameworks;
    @MockitoBean
    LearnerDirectory learners;
    @MockitoBean
    Clock clock;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @BeforeEach
    void framework() {
        when(clock.instant()).thenReturn(Instant.parse("2026-01-01T00:00:00Z"));
        when(frameworks.find("fw-1", 2)).thenReturn(Optional.of(new FrameworkVersion("fw-1", 2, false,
                Map.of(PARENT, "DEV.API", CHILD, "DEV.API.1"), List.of(new FrameworkVersion.Level("NOVICE", 0.0)),
                Set.of(PARENT))));
    }

    private static String body(String competencyId) {
        return "{\"activityId\":\"https://sims.example.com/api\",\"frameworkId\":\"fw-1\",\"frameworkVersion\":2,"
                + "\"competencyIds\":[\"" + competencyId + "\"]}";
    }

    @Test
    void refusesAlignmentAsUnprocessable_whenCompetencyIsRolledUpFromItsChildren() throws Exception {
        mvc.perform(post("/api/assessments/activity-alignments").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content(body(PARENT)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/rolled-up-parent"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                        "rolls up the mastery of c-api (DEV.API) from their children")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("confirm=true")));
        verify(alignments, never()).save(any());
    }

    @Test
    void storesAlignmentWithWarning_whenAuthorConfirmsTheRolledUpParent() throws Exception {
        mvc.perform(post("/api/assessments/activity-alignments?confirm=true").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content(body(PARENT)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings[0]").value(org.hamcrest.Matchers.containsString(
                        "c-api (DEV.API) is rolled up from its children")));

        ArgumentCaptor<ActivityAlignment> saved = ArgumentCaptor.forClass(ActivityAlignment.class);
        verify(alignments).save(saved.capture());
        assertThat(saved.getValue().warnings()).hasSize(1);
    }

    @Test
    void storesAlignmentWithoutWarning_whenCompetencyTakesItsOwnEvidence() throws Exception {
        mvc.perform(post("/api/assessments/activity-alignments").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content(body(CHILD)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings").isEmpty());
    }
}
