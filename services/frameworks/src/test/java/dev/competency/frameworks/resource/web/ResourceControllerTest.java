package dev.competency.frameworks.resource.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.competency.contracts.frameworks.LearningResourcePublished.ResourceType;
import dev.competency.platform.service.error.BrokenRules;
import dev.competency.frameworks.resource.domain.DefineLearningResource;
import dev.competency.frameworks.resource.domain.PublishLearningResource;
import dev.competency.frameworks.resource.domain.ResourceDefinition;
import dev.competency.frameworks.resource.domain.ResourceTarget;
import dev.competency.frameworks.resource.query.ResourceCatalogue.ResourceView;
import dev.competency.frameworks.web.WebSliceTest;
import dev.competency.platform.service.error.Refusal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ResourceControllerTest extends WebSliceTest {

    private static final ResourceDefinition DEFINITION = new ResourceDefinition("HTTP API design",
            "https://learn.test/api", ResourceType.COURSE, "PT3H", "fw-1", List.of(new ResourceTarget("c-1",
            "PROFICIENT")));
    private static final String BODY = """
            {"title": "HTTP API design", "url": "https://learn.test/api", "type": "COURSE", "duration": "PT3H",
             "frameworkId": "fw-1", "competencies": [{"competencyId": "c-1", "targetLevel": "PROFICIENT"}]}""";
    private static final ResourceView VIEW = new ResourceView("lr-1", "HTTP API design", "fw-1", 1, 0, DEFINITION,
            null);

    @Test
    void createsAResource_whenAnAuthorAsks_andRefusesLearners() throws Exception {
        when(resources.find(any())).thenReturn(Optional.of(VIEW));

        mvc.perform(post("/api/frameworks/learning-resources").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.draft.type").value("COURSE"));
        mvc.perform(post("/api/frameworks/learning-resources").header("Authorization", LEARNER)
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/frameworks/learning-resources/lr-1")).andExpect(status().isUnauthorized());
    }

    @Test
    void redefinesAResource_whenItExists_andAnswersNotFoundOrBadRequestOtherwise() throws Exception {
        when(resources.find("lr-1")).thenReturn(Optional.of(VIEW));
        when(resources.find("lr-404")).thenReturn(Optional.empty());

        mvc.perform(put("/api/frameworks/learning-resources/lr-1").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isOk());
        verify(commands).sendAndWait(new DefineLearningResource("lr-1", DEFINITION, "author-1"));
        mvc.perform(put("/api/frameworks/learning-resources/lr-404").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/frameworks/learning-resources/lr-1").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"type\": \"PODCAST\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("type")));

        when(commands.sendAndWait(any())).thenThrow(new BrokenRules("url must be an absolute http"));
        mvc.perform(put("/api/frameworks/learning-resources/lr-1").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0]").value("url must be an absolute http"));
    }

    @Test
    void publishesAResource_whenItIsADraft_andAnswersConflictOtherwise() throws Exception {
        when(resources.find("lr-1")).thenReturn(Optional.of(VIEW));

        mvc.perform(post("/api/frameworks/learning-resources/lr-1/publication").header("Authorization", AUTHOR))
                .andExpect(status().isOk());
        verify(commands).sendAndWait(new PublishLearningResource("lr-1", "author-1"));
        when(commands.sendAndWait(any())).thenThrow(Refusal.conflict("no draft"));
        mvc.perform(post("/api/frameworks/learning-resources/lr-1/publication").header("Authorization", AUTHOR))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/frameworks/learning-resources/lr-1/publication").header("Authorization", LEARNER))
                .andExpect(status().isForbidden());
    }

    @Test
    void answersResources_whenAnySignedInCallerAsks() throws Exception {
        when(resources.find("lr-1")).thenReturn(Optional.of(VIEW));
        when(resources.find("lr-404")).thenReturn(Optional.empty());
        when(resources.list(null)).thenReturn(List.of(VIEW));

        mvc.perform(get("/api/frameworks/learning-resources/lr-1").header("Authorization", LEARNER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resourceId").value("lr-1"));
        mvc.perform(get("/api/frameworks/learning-resources/lr-404").header("Authorization", LEARNER))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/frameworks/learning-resources").header("Authorization", LEARNER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));
        verify(commands, never()).sendAndWait(any());
    }
}
