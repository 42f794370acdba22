package dev.competency.assessments.assessment.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.competency.assessments.support.AccessPolicySlice;
import dev.competency.assessments.assessment.domain.AssessmentKind;
import dev.competency.assessments.assessment.domain.AssessmentStatus;
import dev.competency.assessments.assessment.domain.InvalidAssessmentException;
import dev.competency.assessments.assessment.query.AssessmentCatalogue;
import dev.competency.assessments.assessment.query.AssessmentCatalogue.AssessmentView;
import dev.competency.assessments.learners.query.LearnerDirectory;
import dev.competency.platform.service.axon.ReadModelBehind;
import dev.competency.platform.service.axon.ReadYourWrites;
import dev.competency.platform.service.error.Refusal;
import dev.competency.platform.test.TestTokens;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = AssessmentController.class)
@Import(AccessPolicySlice.class)
class AssessmentControllerTest {

    private static final String AUTHOR = "Bearer " + TestTokens.token("author-1", "AUTHOR");
    private static final String LEARNER = "Bearer " + TestTokens.token("learner-1", "LEARNER");
    private static final AssessmentView DRAFT = new AssessmentView("as-1", AssessmentKind.QUIZ, "REST basics", "fw-1",
            2, AssessmentStatus.DRAFT, 1, 0, List.of(), null, null);

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CommandGateway commands;
    @MockitoBean
    AssessmentCatalogue catalogue;
    @MockitoBean
    LearnerDirectory learners;
    @MockitoBean
    ReadYourWrites readYourWrites;

    @BeforeEach
    void writesAreReadBackAtOnce() {
        when(readYourWrites.afterWrite(any())).thenAnswer(call -> call.<Supplier<?>>getArgument(0).get());
    }

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Test
    void createsAssessment_whenAuthorPostsIt() throws Exception {
        when(catalogue.find(any())).thenReturn(Optional.of(DRAFT));

        mvc.perform(post("/api/assessments").header("Authorization", AUTHOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"QUIZ\",\"title\":\"REST basics\",\"frameworkId\":\"fw-1\","
                                + "\"frameworkVersion\":2}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"));
    }

    @Test
    void rejectsCreationAsForbidden_whenCallerIsALearner() throws Exception {
        mvc.perform(post("/api/assessments").header("Authorization", LEARNER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"QUIZ\",\"title\":\"REST basics\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void rejectsRequestAsUnauthorized_whenTokenIsMissing() throws Exception {
        mvc.perform(get("/api/assessments/as-1"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void listsEveryProblem_whenDefinitionBreaksRules() throws Exception {
        when(catalogue.find("as-1")).thenReturn(Optional.of(DRAFT));
        when(commands.sendAndWait(any())).thenThrow(new InvalidAssessmentException(List.of(
                "item q9 is not aligned to any competency", "alignment weights sum to 4.0 but weightTotal declares 3.0")));

        mvc.perform(put("/api/assessments/as-1/definition").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"passMark\":0.5}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0]").value("item q9 is not aligned to any competency"))
                .andExpect(jsonPath("$.errors[1]").value("alignment weights sum to 4.0 but weightTotal declares 3.0"));
    }

    @Test
    void namesTheField_whenDefinitionHasAValueOfTheWrongType() throws Exception {
        when(catalogue.find("as-1")).thenReturn(Optional.of(DRAFT));

        mvc.perform(put("/api/assessments/as-1/definition").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"passMark\":\"high\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("passMark")));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void answersConflict_whenThereIsNoDraftToPublish() throws Exception {
        when(catalogue.find("as-1")).thenReturn(Optional.of(DRAFT));
        when(commands.sendAndWait(any())).thenThrow(Refusal.conflict("assessment as-1 has no draft to"
                + " publish"));

        mvc.perform(post("/api/assessments/as-1/publication").header("Authorization", AUTHOR))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("assessment as-1 has no draft to publish"));
    }

    @Test
    void namesTheFieldInPlainWordsWithoutJavaTypes_whenDefinitionIsIllTyped() throws Exception {
        when(catalogue.find("as-1")).thenReturn(Optional.of(DRAFT));

        mvc.perform(put("/api/assessments/as-1/definition").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[{\"itemId\":\"q1\",\"type\":\"ESSAY\"}],\"maxAttempts\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("items[0].type"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "must be one of SINGLE_CHOICE, MULTIPLE_CHOICE, NUMERIC, ORDERING but was 'ESSAY'"))
                .andExpect(content().string(not(containsString("dev.competency"))))
                .andExpect(content().string(not(containsString("Cannot deserialize"))));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void rejectsDefinitionAsForbiddenBeforeReadingTheBody_whenCallerIsALearner() throws Exception {
        mvc.perform(put("/api/assessments/as-1/definition").header("Authorization", LEARNER)
                        .contentType(MediaType.APPLICATION_JSON).content("{"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void rejectsCreationNamingTheField_whenTitleIsTooLong() throws Exception {
        mvc.perform(post("/api/assessments").header("Authorization", AUTHOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"QUIZ\",\"title\":\"" + "t".repeat(201) + "\",\"frameworkId\":\"fw-1\","
                                + "\"frameworkVersion\":2}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        verify(commands, never()).sendAndWait(any());
    }
}
