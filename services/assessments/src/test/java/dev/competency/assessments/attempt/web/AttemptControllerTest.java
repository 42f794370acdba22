package dev.competency.assessments.attempt.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.competency.assessments.support.AccessPolicySlice;
import dev.competency.assessments.assessment.domain.AssessmentKind;
import dev.competency.assessments.assessment.domain.AssessmentStatus;
import dev.competency.assessments.assessment.domain.Definitions;
import dev.competency.assessments.assessment.domain.PublishedAssessment;
import dev.competency.assessments.assessment.query.AssessmentCatalogue;
import dev.competency.assessments.assessment.query.AssessmentCatalogue.AssessmentView;
import dev.competency.assessments.attempt.domain.AttemptStatus;
import dev.competency.assessments.attempt.domain.RatePeer;
import dev.competency.assessments.attempt.domain.RegradeQuiz;
import dev.competency.assessments.attempt.domain.SubmitAttempt;
import dev.competency.assessments.attempt.query.AttemptBoard;
import dev.competency.assessments.attempt.query.AttemptBoard.AttemptView;
import dev.competency.assessments.attempt.query.AttemptBoard.PeerRequest;
import dev.competency.assessments.learners.query.LearnerDirectory;
import dev.competency.platform.service.axon.ReadModelBehind;
import dev.competency.platform.service.axon.ReadYourWrites;
import dev.competency.platform.service.error.Refusal;
import dev.competency.platform.test.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

/** Peer and self ratings and quiz regrades at the web boundary: who may do what, and what they get to see. */
@WebMvcTest(controllers = AttemptController.class)
@Import(AccessPolicySlice.class)
class AttemptControllerTest {

    private static final Instant STARTED = Instant.parse("2026-11-28T10:00:00Z");
    private static final String RATING = "{\"levels\":{\"design\":\"FULL\",\"model\":\"SOME\"},\"comment\":\"Good\"}";
    private static final AttemptView PEER_ATTEMPT = new AttemptView("at-1", "as-p", 1, "PEER", "learner-1",
            AttemptStatus.STARTED, 1, STARTED, null, null, false, false, 0, null, null, List.of(), null, 1, 2);
    private static final AttemptView QUIZ_ATTEMPT = new AttemptView("at-2", "as-q", 1, "QUIZ", "learner-1",
            AttemptStatus.SCORED, 1, STARTED, null, STARTED, false, false, 1, 0.5, false, List.of(), null, null,
            null);

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CommandGateway commands;
    @MockitoBean
    AssessmentCatalogue catalogue;
    @MockitoBean
    AttemptBoard attempts;
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

    private static String bearer(String subject, String role) {
        return "Bearer " + TestTokens.token(subject, role);
    }

    private static String assessor(String unit) {
        return "Bearer " + TestTokens.token("assessor-1", Map.of("roles", List.of("ASSESSOR"), "org_unit", unit));
    }

    @Test
    void answersOnlyTheAnonymousRatingId_whenNominatedPeerRates() throws Exception {
        when(attempts.find("at-1")).thenReturn(Optional.of(PEER_ATTEMPT));
        when(attempts.nominatedPeers("at-1")).thenReturn(List.of("peer-1", "peer-2"));

        mvc.perform(post("/api/assessments/attempts/at-1/peer-ratings").header("Authorization",
                        bearer("peer-1", "LEARNER")).contentType(MediaType.APPLICATION_JSON).content(RATING))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.attemptId").value("at-1"))
                .andExpect(jsonPath("$.ratingId").isNotEmpty())
                .andExpect(jsonPath("$.results").doesNotExist())
                .andExpect(jsonPath("$.learnerId").doesNotExist());
        ArgumentCaptor<RatePeer> sent = ArgumentCaptor.forClass(RatePeer.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().peerId()).isEqualTo("peer-1");
        assertThat(sent.getValue().levels()).containsEntry("design", "FULL");
    }

    @Test
    void rejectsPeerRatingAsForbidden_whenLearnerRatesThemselfOrPeerIsNotNominated() throws Exception {
        when(attempts.find("at-1")).thenReturn(Optional.of(PEER_ATTEMPT));
        when(attempts.nominatedPeers("at-1")).thenReturn(List.of("peer-1"));

        mvc.perform(post("/api/assessments/attempts/at-1/peer-ratings").header("Authorization",
                        bearer("learner-1", "LEARNER")).contentType(MediaType.APPLICATION_JSON).content(RATING))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        mvc.perform(post("/api/assessments/attempts/at-1/peer-ratings").header("Authorization",
                        bearer("peer-9", "LEARNER")).contentType(MediaType.APPLICATION_JSON).content(RATING))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Only the peers the learner nominated rate this attempt"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void answersConflict_whenPeerRatesTwice() throws Exception {
        when(attempts.find("at-1")).thenReturn(Optional.of(PEER_ATTEMPT));
        when(attempts.nominatedPeers("at-1")).thenReturn(List.of());
        when(commands.sendAndWait(any())).thenThrow(Refusal.conflict("this peer already rated attempt at-1"));

        mvc.perform(post("/api/assessments/attempts/at-1/peer-ratings").header("Authorization",
                        bearer("peer-1", "LEARNER")).contentType(MediaType.APPLICATION_JSON).content(RATING))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("this peer already rated attempt at-1"));
    }

    @Test
    void rejectsSelfRatingAsForbidden_whenAnotherLearnerSendsIt() throws Exception {
        when(attempts.find("at-1")).thenReturn(Optional.of(PEER_ATTEMPT));

        mvc.perform(post("/api/assessments/attempts/at-1/self-rating").header("Authorization",
                        bearer("learner-2", "LEARNER")).contentType(MediaType.APPLICATION_JSON).content(RATING))
                .andExpect(status().isForbidden());
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void rejectsPeerRatingAsBadRequest_whenLevelIsUnknown() throws Exception {
        when(attempts.find("at-1")).thenReturn(Optional.of(PEER_ATTEMPT));
        when(attempts.nominatedPeers("at-1")).thenReturn(List.of());
        when(commands.sendAndWait(any())).thenThrow(Refusal.invalid("criterion model has no level BEST"));

        mvc.perform(post("/api/assessments/attempts/at-1/peer-ratings").header("Authorization",
                        bearer("peer-1", "LEARNER")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"levels\":{\"design\":\"FULL\",\"model\":\"BEST\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("criterion model has no level BEST"));
    }

    @Test
    void listsNominatedRequestsAndOpenOnesOfTheCallersUnit_whenPeerAsksWhatToRate() throws Exception {
        when(attempts.peerRequests("peer-1")).thenReturn(List.of(
                new PeerRequest("at-1", "as-p", "learner-1", STARTED, true),
                new PeerRequest("at-3", "as-p", "learner-3", STARTED, false),
                new PeerRequest("at-4", "as-p", "learner-4", STARTED, false)));
        when(learners.organisationUnit("learner-3")).thenReturn(Optional.of("Platform"));
        when(learners.organisationUnit("learner-4")).thenReturn(Optional.of("Sales"));

        mvc.perform(get("/api/assessments/peer-requests").header("Authorization", "Bearer " + TestTokens.token(
                        "peer-1", Map.of("roles", List.of("LEARNER"), "org_unit", "Platform"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].attemptId").value("at-1"))
                .andExpect(jsonPath("$[1].attemptId").value("at-3"));
    }

    @Test
    void regradesAgainstTheLatestPublishedVersion_whenAssessorAsksForIt() throws Exception {
        PublishedAssessment v2 = new PublishedAssessment("as-q", 2, AssessmentKind.QUIZ, "Quiz", "fw-1", 2,
                Definitions.quiz(null, false));
        when(attempts.find("at-2")).thenReturn(Optional.of(QUIZ_ATTEMPT));
        when(learners.organisationUnit("learner-1")).thenReturn(Optional.of("Platform"));
        when(catalogue.find("as-q")).thenReturn(Optional.of(new AssessmentView("as-q", AssessmentKind.QUIZ, "Quiz",
                "fw-1", 2, AssessmentStatus.PUBLISHED, 2, 2, List.of(), null, v2)));

        mvc.perform(post("/api/assessments/attempts/at-2/regrade").header("Authorization", assessor("Platform"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"latestVersion\":true,\"credits\":{\"q1\":1},\"reason\":\"key corrected\"}"))
                .andExpect(status().isOk());
        ArgumentCaptor<RegradeQuiz> sent = ArgumentCaptor.forClass(RegradeQuiz.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().correctedVersion()).isEqualTo(v2);
        assertThat(sent.getValue().credits()).containsEntry("q1", 1.0);
    }

    @Test
    void answersServiceUnavailable_whenReadModelHasNotCaughtUpWithTheWrite() throws Exception {
        when(attempts.find("at-2")).thenReturn(Optional.of(QUIZ_ATTEMPT));
        doAnswer(call -> {
            call.<Supplier<?>>getArgument(0).get();
            throw new ReadModelBehind("The read models have not caught up with the event store yet (event 4); "
                    + "the change is stored, read it again shortly");
        }).when(readYourWrites).afterWrite(any());

        mvc.perform(post("/api/assessments/attempts/at-2/submission").header("Authorization",
                        bearer("learner-1", "LEARNER")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(jsonPath("$.type").value("/problems/read-model-behind"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("is stored")));
        verify(commands).sendAndWait(any(SubmitAttempt.class));
    }

    @Test
    void rejectsRegradeAsForbidden_whenCallerIsTheLearnerOrAssessorOfAnotherUnit() throws Exception {
        when(attempts.find("at-2")).thenReturn(Optional.of(QUIZ_ATTEMPT));
        when(learners.organisationUnit("learner-1")).thenReturn(Optional.of("Platform"));

        mvc.perform(post("/api/assessments/attempts/at-2/regrade").header("Authorization", assessor("Sales"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"key corrected\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/assessments/attempts/at-2/regrade").header("Authorization",
                        bearer("learner-1", "LEARNER")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"I was right\"}"))
                .andExpect(status().isForbidden());
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void answersForbidden_whenTheAttemptRefusesAPeerItDidNotNominate() throws Exception {
        when(attempts.find("at-1")).thenReturn(Optional.of(PEER_ATTEMPT));
        when(attempts.nominatedPeers("at-1")).thenReturn(List.of());
        when(commands.sendAndWait(any())).thenThrow(Refusal.forbidden("only the nominated peers rate attempt at-1"));

        mvc.perform(post("/api/assessments/attempts/at-1/peer-ratings").header("Authorization",
                        bearer("peer-3", "LEARNER")).contentType(MediaType.APPLICATION_JSON).content(RATING))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
    }

    @Test
    void refusesGradingAsForbiddenBeforeReadingTheBody_whenCallerIsNoAssessor() throws Exception {
        for (String body : List.of("", "{", "{\"levels\":[]}")) {
            mvc.perform(post("/api/assessments/attempts/at-1/grading").header("Authorization",
                            bearer("learner-1", "LEARNER")).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        }
        mvc.perform(post("/api/assessments/learner-1/observations").header("Authorization",
                        bearer("learner-1", "LEARNER")).contentType(MediaType.APPLICATION_JSON).content("{"))
                .andExpect(status().isForbidden());
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void rejectsObservationNamingTheField_whenLearnerIdIsNotALearnerId() throws Exception {
        for (String learnerId : List.of("a/b", "a b", "a\\u0000b", "$where", "x".repeat(129))) {
            mvc.perform(post("/api/assessments/as-o/observations").header("Authorization", assessor("unit-1"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"learnerId\":\"" + learnerId + "\",\"marks\":{}}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("learnerId"));
        }
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void rejectsGradingNamingTheField_whenCommentOrLevelIsTooLong() throws Exception {
        when(attempts.find("at-1")).thenReturn(Optional.of(PEER_ATTEMPT));
        mvc.perform(post("/api/assessments/attempts/at-1/peer-ratings").header("Authorization",
                        bearer("peer-1", "LEARNER")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"levels\":{\"design\":\"FULL\"},\"comment\":\"" + "c".repeat(2_001) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("comment"));
        mvc.perform(post("/api/assessments/attempts/at-1/peer-ratings").header("Authorization",
                        bearer("peer-1", "LEARNER")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"levels\":{\"design\":\"" + "L".repeat(129) + "\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(org.hamcrest.Matchers.startsWith("levels")));
        verify(commands, never()).sendAndWait(any());
    }
}
