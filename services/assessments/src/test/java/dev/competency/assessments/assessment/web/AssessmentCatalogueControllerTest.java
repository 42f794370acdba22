package dev.competency.assessments.assessment.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.competency.assessments.support.AccessPolicySlice;
import dev.competency.assessments.assessment.domain.AssessmentDefinition;
import dev.competency.assessments.assessment.domain.AssessmentKind;
import dev.competency.assessments.assessment.domain.AssessmentStatus;
import dev.competency.assessments.assessment.domain.CompetencyWeight;
import dev.competency.assessments.assessment.domain.Definitions;
import dev.competency.assessments.assessment.domain.ItemType;
import dev.competency.assessments.assessment.domain.QuizItem;
import dev.competency.assessments.assessment.query.AssessmentCatalogue;
import dev.competency.assessments.assessment.query.AssessmentCatalogue.AssessmentView;
import dev.competency.assessments.assessment.query.AssessmentCatalogue.Page;
import dev.competency.assessments.assessment.query.AssessmentCatalogue.Search;
import dev.competency.assessments.learners.query.LearnerDirectory;
import dev.competency.platform.service.id.CompetencyId;
import dev.competency.platform.test.TestTokens;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Looking assessments up: who sees answer keys and drafts, the filters and pages of the list, refused queries. */
@WebMvcTest(controllers = AssessmentCatalogueController.class)
@Import(AccessPolicySlice.class)
class AssessmentCatalogueControllerTest {

    private static final String AUTHOR = "Bearer " + TestTokens.token("author-1", "AUTHOR");
    private static final String ADMIN = "Bearer " + TestTokens.token("admin-1", "ADMIN");
    private static final String LEARNER = "Bearer " + TestTokens.token("learner-1", "LEARNER");
    /** The quiz of {@link Definitions#quiz} and an ordering item whose options are written in the correct order. */
    private static final AssessmentDefinition QUIZ_DEFINITION = withItem(Definitions.quiz("PT30M", false),
            new QuizItem("q5", ItemType.ORDERING, "Order the rollout", List.of("plan", "build", "deploy"),
                    List.of("plan", "build", "deploy"), null, null, 1.0, false, List.of(Definitions.API)));
    private static final AssessmentView QUIZ = new AssessmentView("as-q", AssessmentKind.QUIZ, "REST basics",
            Definitions.FRAMEWORK, Definitions.VERSION, AssessmentStatus.PUBLISHED, 2, 1,
            List.of(Definitions.API, Definitions.DATA), QUIZ_DEFINITION,
            Definitions.published("as-q", AssessmentKind.QUIZ, QUIZ_DEFINITION));
    private static final AssessmentView DRAFT = new AssessmentView("as-d", AssessmentKind.QUIZ, "Paging", "fw-1", 2,
            AssessmentStatus.DRAFT, 1, 0, List.of(Definitions.API), Definitions.quiz(null, false), null);

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AssessmentCatalogue catalogue;
    @MockitoBean
    LearnerDirectory learners;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    private static AssessmentDefinition withItem(AssessmentDefinition definition, QuizItem item) {
        List<QuizItem> items = new ArrayList<>(definition.items());
        items.add(item);
        return new AssessmentDefinition(List.of(new CompetencyWeight(Definitions.API, 2),
                new CompetencyWeight(Definitions.DATA, 1)), definition.weightTotal(), definition.passMark(),
                definition.maxAttempts(), definition.timeLimit(), definition.acceptLate(), items, null, null, null);
    }

    private static String bearer(String role) {
        return "Bearer " + TestTokens.token("someone-1", role);
    }

    @ParameterizedTest
    @ValueSource(strings = {"LEARNER", "ASSESSOR", "MANAGER", "ANALYST"})
    void showsNoAnswerKeyNorDraft_whenANonAuthorGetsAPublishedQuiz(String role) throws Exception {
        when(catalogue.find("as-q")).thenReturn(Optional.of(QUIZ));

        mvc.perform(get("/api/assessments/as-q").header("Authorization", bearer(role)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assessmentId").value("as-q"))
                .andExpect(jsonPath("$.publishedVersion").value(1))
                .andExpect(jsonPath("$.draft").value(nullValue()))
                .andExpect(jsonPath("$.published.definition.passMark").value(0.6))
                .andExpect(jsonPath("$.published.definition.items[0].prompt").value("Which method is idempotent?"))
                .andExpect(jsonPath("$.published.definition.items[0].options[1]").value("b"))
                .andExpect(jsonPath("$.published.definition.items[1].partialCredit").value(true))
                .andExpect(jsonPath("$.published.definition.items[2].points").value(1.0))
                .andExpect(content().string(not(containsString("\"correct\""))))
                .andExpect(content().string(not(containsString("\"answer\""))))
                .andExpect(content().string(not(containsString("\"tolerance\""))));
    }

    @Test
    void listsOrderingOptionsInNaturalOrderNotTheAuthors_whenLearnerGetsAQuiz() throws Exception {
        when(catalogue.find("as-q")).thenReturn(Optional.of(QUIZ));

        mvc.perform(get("/api/assessments/as-q").header("Authorization", LEARNER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.published.definition.items[4].itemId").value("q5"))
                .andExpect(jsonPath("$.published.definition.items[4].options[0]").value("build"))
                .andExpect(jsonPath("$.published.definition.items[4].options[1]").value("deploy"))
                .andExpect(jsonPath("$.published.definition.items[4].options[2]").value("plan"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AUTHOR", "ADMIN"})
    void showsTheAnswerKeysAndDraft_whenAuthorOrAdminGetsAPublishedQuiz(String role) throws Exception {
        when(catalogue.find("as-q")).thenReturn(Optional.of(QUIZ));

        mvc.perform(get("/api/assessments/as-q").header("Authorization", bearer(role)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.published.definition.items[0].correct[0]").value("b"))
                .andExpect(jsonPath("$.published.definition.items[2].answer").value(50.0))
                .andExpect(jsonPath("$.published.definition.items[2].tolerance").value(5.0))
                .andExpect(jsonPath("$.published.definition.items[4].options[0]").value("plan"))
                .andExpect(jsonPath("$.draft.items[3].correct[2]").value("z"));
    }

    @Test
    void answersNotFound_whenLearnerGetsAnAssessmentNeverPublished() throws Exception {
        when(catalogue.find("as-d")).thenReturn(Optional.of(DRAFT));

        mvc.perform(get("/api/assessments/as-d").header("Authorization", LEARNER))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"))
                .andExpect(jsonPath("$.detail").value("No assessment as-d"));
        mvc.perform(get("/api/assessments/as-d").header("Authorization", AUTHOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.draft.items[0].correct[0]").value("b"));
    }

    @Test
    void answersNotFound_whenAssessmentIsUnknown() throws Exception {
        when(catalogue.find("as-404")).thenReturn(Optional.empty());

        mvc.perform(get("/api/assessments/as-404").header("Authorization", AUTHOR))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No assessment as-404"));
    }

    @Test
    void rejectsRequestsAsUnauthorized_whenTokenIsMissing() throws Exception {
        mvc.perform(get("/api/assessments"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/unauthenticated"));
        mvc.perform(get("/api/assessments/as-q"))
                .andExpect(status().isUnauthorized());
        verify(catalogue, never()).find(any());
    }

    @Test
    void listsOnlyPublishedAssessmentsWithoutAnswerKeys_whenLearnerLists() throws Exception {
        when(catalogue.search(any(), anyInt(), anyInt())).thenReturn(new Page(List.of(QUIZ), 61));

        mvc.perform(get("/api/assessments?competencyId=c-api&kind=QUIZ").header("Authorization", LEARNER))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "61"))
                .andExpect(jsonPath("$[0].assessmentId").value("as-q"))
                .andExpect(jsonPath("$[0].published.definition.items[0].options[0]").value("a"))
                .andExpect(content().string(not(containsString("\"correct\""))))
                .andExpect(content().string(not(containsString("\"answer\""))));
        verify(catalogue).search(new Search(new CompetencyId("c-api"), AssessmentStatus.PUBLISHED,
                AssessmentKind.QUIZ, null), 0, 50);
    }

    @Test
    void passesEveryFilterAndThePage_whenAuthorLists() throws Exception {
        when(catalogue.search(any(), anyInt(), anyInt())).thenReturn(new Page(List.of(DRAFT), 21));

        mvc.perform(get("/api/assessments?competencyId=c-api&status=DRAFT&kind=QUIZ&q=pag&offset=20&limit=200")
                        .header("Authorization", AUTHOR))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "21"))
                .andExpect(jsonPath("$[0].status").value("DRAFT"))
                .andExpect(jsonPath("$[0].draft.items[0].correct[0]").value("b"));
        verify(catalogue).search(new Search(new CompetencyId("c-api"), AssessmentStatus.DRAFT,
                AssessmentKind.QUIZ, "pag"), 20, 200);
    }

    @Test
    void listsEveryStatusOnTheDefaultPage_whenAdminListsWithoutFilters() throws Exception {
        when(catalogue.search(any(), anyInt(), anyInt())).thenReturn(new Page(List.of(), 0));

        mvc.perform(get("/api/assessments?competencyId=&q=").header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "0"))
                .andExpect(content().json("[]"));
        verify(catalogue).search(new Search(null, null, null, null), 0, 50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DRAFT", "RETIRED"})
    void refusesOtherStatusesAsForbidden_whenLearnerLists(String status) throws Exception {
        mvc.perform(get("/api/assessments?status=" + status).header("Authorization", LEARNER))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"))
                .andExpect(jsonPath("$.detail").value("Only authors and admins see " + status + " assessments"));
        verify(catalogue, never()).search(any(), anyInt(), anyInt());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "status=OPEN | status | must be one of DRAFT, PUBLISHED, RETIRED but was 'OPEN'",
            "kind=ESSAY | kind | must be one of QUIZ, RUBRIC, OBSERVATION, PEER, SELF but was 'ESSAY'",
            "q=line%0Abreak | q | must not contain control characters or line breaks",
            "q=nul%00 | q | must not contain control characters or line breaks",
            "offset=-1 | offset | must be greater than or equal to 0",
            "offset=many | offset | must be a whole number but was 'many'",
            "limit=0 | limit | must be greater than or equal to 1",
            "limit=201 | limit | must be less than or equal to 200",
            "competencyId=tab%09 | competencyId | must not contain control characters or line breaks"})
    void namesTheParameter_whenAQueryIsInvalid(String query, String field, String message) throws Exception {
        String[] parameter = query.split("=", 2);
        mvc.perform(get("/api/assessments").queryParam(parameter[0],
                        URLDecoder.decode(parameter[1], StandardCharsets.UTF_8)).header("Authorization", AUTHOR))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(message));
        verify(catalogue, never()).search(any(), anyInt(), anyInt());
    }

    @Test
    void namesTheParameter_whenTitleQueryOrCompetencyIdIsTooLong() throws Exception {
        when(catalogue.search(any(), anyInt(), anyInt())).thenReturn(new Page(List.of(), 0));
        mvc.perform(get("/api/assessments?q=" + "t".repeat(201)).header("Authorization", LEARNER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"))
                .andExpect(jsonPath("$.errors[0].message").value("size must be between 0 and 200"));
        mvc.perform(get("/api/assessments?competencyId=" + "c".repeat(129)).header("Authorization", LEARNER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("competencyId"));
        mvc.perform(get("/api/assessments?q=" + "t".repeat(200)).header("Authorization", LEARNER))
                .andExpect(status().isOk());
        verify(catalogue).search(new Search(null, AssessmentStatus.PUBLISHED, null, "t".repeat(200)), 0, 50);
    }
}
