package dev.competency.assessments.attempt.domain;

import static dev.competency.assessments.assessment.domain.Definitions.API;
import static dev.competency.assessments.assessment.domain.Definitions.DATA;
import static dev.competency.assessments.assessment.domain.Definitions.FRAMEWORK;
import static dev.competency.assessments.assessment.domain.Definitions.VERSION;
import static dev.competency.assessments.support.Refusals.refusal;

import dev.competency.assessments.assessment.domain.AssessmentKind;
import dev.competency.assessments.assessment.domain.Definitions;
import dev.competency.assessments.assessment.domain.PublishedAssessment;
import dev.competency.assessments.evidence.domain.EvidenceIds;
import dev.competency.assessments.evidence.domain.EvidenceItem;
import dev.competency.assessments.evidence.domain.EvidenceRevocation;
import dev.competency.contracts.evidence.ActorKind;
import dev.competency.contracts.evidence.SourceType;
import dev.competency.platform.service.error.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AttemptTest {

    private static final Instant NOW = Instant.parse("2026-11-28T11:00:00Z");
    private static final Instant EARLIER = NOW.minus(Duration.ofMinutes(20));
    private static final PublishedAssessment QUIZ = Definitions.published("as-1", AssessmentKind.QUIZ,
            Definitions.quiz("PT30M", false));
    private static final PublishedAssessment LATE_QUIZ = Definitions.published("as-1", AssessmentKind.QUIZ,
            Definitions.quiz("PT30M", true));
    private static final PublishedAssessment RUBRIC = Definitions.published("as-2", AssessmentKind.RUBRIC,
            Definitions.rubric());
    private static final PublishedAssessment CHECKLIST = Definitions.published("as-3", AssessmentKind.OBSERVATION,
            Definitions.checklist());

    /** q1 right (2 of 2), q2 half right (1 of 2), q3 within tolerance (1 of 1), q4 one of three in place (1 of 3). */
    private static final Map<String, ItemResponse> MIXED = Map.of(
            "q1", new ItemResponse(List.of("b"), null, null),
            "q2", new ItemResponse(List.of("a"), null, null),
            "q3", new ItemResponse(null, 54.0, null),
            "q4", new ItemResponse(List.of("x", "z", "y"), null, null));
    private static final double MIXED_OVERALL = (2 * (4.0 / 7) + 1 * (2.0 / 3)) / 3;

    private AggregateTestFixture<Attempt> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Attempt.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static AttemptStarted started(PublishedAssessment assessment, Instant startedAt, Instant deadline) {
        return new AttemptStarted("at-1", "learner-1", assessment, 1, startedAt, deadline);
    }

    private static EvidenceItem evidence(PublishedAssessment assessment, String competencyId, double raw, double max,
                                         int revision, SourceType source, String actorId, ActorKind actorKind,
                                         Instant occurredAt) {
        return evidence(assessment, competencyId, raw, max, revision, source, actorId, actorKind, occurredAt, NOW);
    }

    private static EvidenceItem evidence(PublishedAssessment assessment, String competencyId, double raw, double max,
                                         int revision, SourceType source, String actorId, ActorKind actorKind,
                                         Instant occurredAt, Instant recordedAt) {
        return new EvidenceItem(EvidenceIds.forAttempt("at-1", competencyId, revision), "learner-1", competencyId,
                FRAMEWORK, VERSION, raw / max, raw, max, source, actorId, actorKind, occurredAt, recordedAt,
                assessment.assessmentId(), "at-1", null, revision, null, null, null);
    }

    private static AttemptScored mixedScore(PublishedAssessment assessment, Instant occurredAt) {
        return mixedScore(assessment, occurredAt, NOW);
    }

    private static AttemptScored mixedScore(PublishedAssessment assessment, Instant occurredAt, Instant recordedAt) {
        return new AttemptScored("at-1", 1, List.of(new CompetencyResult(API, 4, 7), new CompetencyResult(DATA, 2, 3)),
                MIXED_OVERALL, true, List.of(
                evidence(assessment, API, 4, 7, 1, SourceType.ASSESSMENT, Attempt.QUIZ_SCORER, ActorKind.SYSTEM,
                        occurredAt, recordedAt),
                evidence(assessment, DATA, 2, 3, 1, SourceType.ASSESSMENT, Attempt.QUIZ_SCORER, ActorKind.SYSTEM,
                        occurredAt, recordedAt)), List.of());
    }

    @Test
    void startsAttemptAndSchedulesTimeLimit_whenQuizHasOne() {
        fixture.givenCurrentTime(NOW)
                .when(new StartAttempt("at-1", "learner-1", QUIZ, 0))
                .expectEvents(started(QUIZ, NOW, NOW.plus(Duration.ofMinutes(30))))
                .expectScheduledDeadlineWithName(Duration.ofMinutes(30), Attempt.TIME_LIMIT);
    }

    @Test
    void rejectsStart_whenLearnerUsedAllAttempts() {
        fixture.givenNoPriorActivity()
                .when(new StartAttempt("at-1", "learner-1", QUIZ, 2))
                .expectException(refusal(Refusal.Kind.CONFLICT))
                .expectExceptionMessage("the learner has used all 2 attempts at assessment as-1")
                .expectNoEvents();
    }

    @Test
    void scoresEveryItemType_whenQuizIsSubmitted() {
        fixture.given(started(QUIZ, EARLIER, EARLIER.plus(Duration.ofMinutes(30))),
                        new ResponsesSaved("at-1", MIXED, EARLIER.plusSeconds(60)))
                .when(new SubmitAttempt("at-1", "learner-1"))
                .expectEvents(new AttemptSubmitted("at-1", NOW, false), mixedScore(QUIZ, NOW));
    }

    @Test
    void rejectsAnswers_whenATextIsAboveItsLimit() {
        fixture.given(started(QUIZ, EARLIER, null))
                .when(new SaveResponses("at-1", "learner-1", Map.of("q1",
                        new ItemResponse(null, null, "t".repeat(ItemResponse.TEXT_MAX + 1)))))
                .expectException(refusal(Refusal.Kind.INVALID))
                .expectExceptionMessage("the text of the response to q1 must be at most 10000 characters but has"
                        + " 10001")
                .expectNoEvents();
    }

    @Test
    void rejectsAnswers_whenAnotherLearnerSendsThem() {
        fixture.given(started(QUIZ, EARLIER, null))
                .when(new SaveResponses("at-1", "learner-2", MIXED))
                .expectException(refusal(Refusal.Kind.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void timesOutAndScoresSavedAnswers_whenTimeLimitPasses() {
        Instant deadline = NOW.plus(Duration.ofMinutes(30));
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(new StartAttempt("at-1", "learner-1", QUIZ, 0),
                        new SaveResponses("at-1", "learner-1", MIXED))
                .whenThenTimeAdvancesTo(deadline.plusSeconds(1))
                .expectTriggeredDeadlinesWithName(Attempt.TIME_LIMIT)
                .expectEvents(new AttemptTimedOut("at-1", deadline, deadline), mixedScore(QUIZ, deadline, deadline));
    }

    @Test
    void timesOutInsteadOfSubmitting_whenSubmittedAfterTheLimit() {
        Instant deadline = NOW.minusSeconds(60);
        fixture.given(started(QUIZ, deadline.minus(Duration.ofMinutes(30)), deadline),
                        new ResponsesSaved("at-1", MIXED, deadline.minusSeconds(120)))
                .when(new SubmitAttempt("at-1", "learner-1"))
                .expectEvents(new AttemptTimedOut("at-1", deadline, NOW), mixedScore(QUIZ, deadline));
    }

    @Test
    void acceptsLateSubmission_whenAssessmentAcceptsLateWork() {
        Instant deadline = NOW.minusSeconds(60);
        fixture.given(started(LATE_QUIZ, deadline.minus(Duration.ofMinutes(30)), deadline),
                        new ResponsesSaved("at-1", MIXED, deadline.minusSeconds(120)))
                .when(new SubmitAttempt("at-1", "learner-1"))
                .expectEvents(new AttemptSubmitted("at-1", NOW, true), mixedScore(LATE_QUIZ, NOW));
    }

    @Test
    void rejectsSecondSubmission_whenAttemptWasHandedIn() {
        fixture.given(started(QUIZ, EARLIER, null), new AttemptSubmitted("at-1", EARLIER, false))
                .when(new SubmitAttempt("at-1", "learner-1"))
                .expectException(refusal(Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void waitsForAssessor_whenRubricAttemptIsSubmitted() {
        fixture.given(started(RUBRIC, EARLIER, null),
                        new ResponsesSaved("at-1", Map.of("work", new ItemResponse(null, null,
                                "https://git.example.com/amara/api")), EARLIER))
                .when(new SubmitAttempt("at-1", "learner-1"))
                .expectEvents(new AttemptSubmitted("at-1", NOW, false))
                .expectState(attempt -> org.assertj.core.api.Assertions.assertThat(attempt.status())
                        .isEqualTo(AttemptStatus.AWAITING_GRADING));
    }

    @Test
    void gradesRubricWithEvidencePerCompetency_whenAssessorGivesLevels() {
        Map<String, String> levels = Map.of("design", "FULL", "errors", "SOME", "model", "SOME");
        fixture.given(started(RUBRIC, EARLIER, null), new AttemptSubmitted("at-1", EARLIER, false))
                .when(new GradeAttempt("at-1", "assessor-1", levels, "Solid"))
                .expectEvents(new AttemptGraded("at-1", 1, "assessor-1", levels, "Solid",
                        List.of(new CompetencyResult(API, 6, 8), new CompetencyResult(DATA, 2, 4)),
                        0.5 * 0.75 + 0.5 * 0.5, true, List.of(
                        evidence(RUBRIC, API, 6, 8, 1, SourceType.ASSESSMENT, "assessor-1", ActorKind.ASSESSOR, EARLIER),
                        evidence(RUBRIC, DATA, 2, 4, 1, SourceType.ASSESSMENT, "assessor-1", ActorKind.ASSESSOR,
                                EARLIER)), List.of()));
    }

    @Test
    void revokesAndReplacesEvidence_whenAttemptIsRegraded() {
        Map<String, String> first = Map.of("design", "FULL", "errors", "SOME", "model", "SOME");
        Map<String, String> second = Map.of("design", "FULL", "errors", "FULL", "model", "NONE");
        List<EvidenceItem> firstEvidence = List.of(
                evidence(RUBRIC, API, 6, 8, 1, SourceType.ASSESSMENT, "assessor-1", ActorKind.ASSESSOR, EARLIER),
                evidence(RUBRIC, DATA, 2, 4, 1, SourceType.ASSESSMENT, "assessor-1", ActorKind.ASSESSOR, EARLIER));
        String reason = "attempt at-1 was regraded (revision 2)";
        fixture.given(started(RUBRIC, EARLIER, null), new AttemptSubmitted("at-1", EARLIER, false),
                        new AttemptGraded("at-1", 1, "assessor-1", first, null, List.of(), 0.625, true,
                                firstEvidence, List.of()))
                .when(new GradeAttempt("at-1", "assessor-2", second, "Re-read the error handling"))
                .expectEvents(new AttemptGraded("at-1", 2, "assessor-2", second, "Re-read the error handling",
                        List.of(new CompetencyResult(API, 8, 8), new CompetencyResult(DATA, 0, 4)),
                        0.5 * 1.0 + 0.5 * 0.0, true, List.of(
                        evidence(RUBRIC, API, 8, 8, 2, SourceType.ASSESSMENT, "assessor-2", ActorKind.ASSESSOR, EARLIER),
                        evidence(RUBRIC, DATA, 0, 4, 2, SourceType.ASSESSMENT, "assessor-2", ActorKind.ASSESSOR,
                                EARLIER)), List.of(
                        EvidenceRevocation.of(firstEvidence.get(0), NOW, "assessor-2", ActorKind.ASSESSOR, reason),
                        EvidenceRevocation.of(firstEvidence.get(1), NOW, "assessor-2", ActorKind.ASSESSOR, reason))));
    }

    @Test
    void changesNothing_whenSameGradingIsSentAgain() {
        Map<String, String> levels = Map.of("design", "FULL", "errors", "SOME", "model", "SOME");
        fixture.given(started(RUBRIC, EARLIER, null), new AttemptSubmitted("at-1", EARLIER, false),
                        new AttemptGraded("at-1", 1, "assessor-1", levels, null, List.of(), 0.625, true, List.of(),
                                List.of()))
                .when(new GradeAttempt("at-1", "assessor-1", levels, null))
                .expectNoEvents();
    }

    @Test
    void rejectsGrading_whenCriterionIsMissingOrLevelUnknown() {
        fixture.given(started(RUBRIC, EARLIER, null), new AttemptSubmitted("at-1", EARLIER, false))
                .when(new GradeAttempt("at-1", "assessor-1", Map.of("design", "GREAT", "errors", "SOME"), null))
                .expectException(refusal(Refusal.Kind.INVALID))
                .expectExceptionMessage("criterion design has no level GREAT; criterion model is not graded")
                .expectNoEvents();
    }

    @Test
    void rejectsGrading_whenAttemptIsAQuiz() {
        fixture.given(started(QUIZ, EARLIER, null), new AttemptSubmitted("at-1", EARLIER, false))
                .when(new GradeAttempt("at-1", "assessor-1", Map.of(), null))
                .expectException(refusal(Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void revokesEvidence_whenAttemptIsWithdrawn() {
        EvidenceItem item = evidence(QUIZ, API, 4, 7, 1, SourceType.ASSESSMENT, Attempt.QUIZ_SCORER,
                ActorKind.SYSTEM, EARLIER);
        fixture.given(started(QUIZ, EARLIER, null), new AttemptSubmitted("at-1", EARLIER, false),
                        new AttemptScored("at-1", 1, List.of(), 0.5, false, List.of(item), List.of()))
                .when(new WithdrawAttempt("at-1", "admin-1", "Answers were shared"))
                .expectEvents(new AttemptWithdrawn("at-1", "admin-1", "Answers were shared", List.of(
                        EvidenceRevocation.of(item, NOW, "admin-1", ActorKind.ASSESSOR, "Answers were shared"))));
    }

    @Test
    void recordsObservationEvidence_whenManagerObservesLearner() {
        Map<String, Boolean> marks = Map.of("k1", true, "k2", false, "k3", true);
        fixture.givenNoPriorActivity()
                .when(new RecordObservation("at-1", "learner-1", CHECKLIST, "manager-1", true, marks, EARLIER))
                .expectEvents(new ObservationRecorded("at-1", "learner-1", CHECKLIST, "manager-1", marks, EARLIER,
                        List.of(new CompetencyResult(API, 1, 2), new CompetencyResult(DATA, 1, 1)), 0.75, true,
                        List.of(evidence(CHECKLIST, API, 1, 2, 1, SourceType.OBSERVATION, "manager-1",
                                        ActorKind.MANAGER, EARLIER),
                                evidence(CHECKLIST, DATA, 1, 1, 1, SourceType.OBSERVATION, "manager-1",
                                        ActorKind.MANAGER, EARLIER))));
    }
}
