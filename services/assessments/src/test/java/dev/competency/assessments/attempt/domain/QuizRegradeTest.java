package dev.competency.assessments.attempt.domain;

import static dev.competency.assessments.assessment.domain.Definitions.API;
import static dev.competency.assessments.assessment.domain.Definitions.DATA;
import static dev.competency.assessments.assessment.domain.Definitions.FRAMEWORK;
import static dev.competency.assessments.assessment.domain.Definitions.VERSION;
import static dev.competency.assessments.support.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.assessments.assessment.domain.AssessmentDefinition;
import dev.competency.assessments.assessment.domain.AssessmentKind;
import dev.competency.assessments.assessment.domain.Definitions;
import dev.competency.assessments.assessment.domain.PublishedAssessment;
import dev.competency.assessments.assessment.domain.QuizItem;
import dev.competency.assessments.evidence.domain.EvidenceIds;
import dev.competency.assessments.evidence.domain.EvidenceItem;
import dev.competency.assessments.evidence.domain.EvidenceRevocation;
import dev.competency.contracts.evidence.ActorKind;
import dev.competency.contracts.evidence.SourceType;
import dev.competency.platform.service.error.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A scored quiz is regraded after an answer key correction or an assessor's override: void, then new evidence. */
class QuizRegradeTest {

    private static final Instant NOW = Instant.parse("2026-11-28T11:00:00Z");
    private static final Instant SUBMITTED = NOW.minusSeconds(86_400);
    private static final PublishedAssessment V1 = Definitions.published("as-1", AssessmentKind.QUIZ,
            Definitions.quiz(null, false));
    /** Version 2 corrects the key of q1 from "b" to "c". */
    private static final PublishedAssessment V2 = new PublishedAssessment("as-1", 2, AssessmentKind.QUIZ, "Quiz",
            FRAMEWORK, VERSION, corrected(Definitions.quiz(null, false)));
    /** Full marks on q2..q4, "c" on q1: wrong under version 1, right under version 2. */
    private static final Map<String, ItemResponse> ANSWERS = Map.of(
            "q1", new ItemResponse(List.of("c"), null, null),
            "q2", new ItemResponse(List.of("a", "b"), null, null),
            "q3", new ItemResponse(null, 50.0, null),
            "q4", new ItemResponse(List.of("x", "y", "z"), null, null));

    private AggregateTestFixture<Attempt> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Attempt.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static AssessmentDefinition corrected(AssessmentDefinition quiz) {
        List<QuizItem> items = new ArrayList<>(quiz.items());
        QuizItem q1 = items.get(0);
        items.set(0, new QuizItem(q1.itemId(), q1.type(), q1.prompt(), q1.options(), List.of("c"), null, null,
                q1.points(), false, q1.competencyIds()));
        return new AssessmentDefinition(quiz.alignments(), quiz.weightTotal(), quiz.passMark(), quiz.maxAttempts(),
                null, false, items, null, null, null);
    }

    private static EvidenceItem evidence(PublishedAssessment assessment, String competencyId, double raw, double max,
                                         int revision, String actorId, ActorKind kind, Instant recordedAt) {
        return new EvidenceItem(EvidenceIds.forAttempt("at-1", competencyId, revision), "learner-1", competencyId,
                FRAMEWORK, VERSION, raw / max, raw, max, SourceType.ASSESSMENT, actorId, kind, SUBMITTED, recordedAt,
                assessment.assessmentId(), "at-1", null, revision, null, null, null);
    }

    /** Under version 1: API 5 of 7 (q1 wrong), DATA 3 of 3. */
    private static Object[] scoredUnderVersion1() {
        AttemptScored scored = new AttemptScored("at-1", 1, List.of(new CompetencyResult(API, 5, 7),
                new CompetencyResult(DATA, 3, 3)), (2 * (5.0 / 7) + 1.0) / 3, true, List.of(
                evidence(V1, API, 5, 7, 1, Attempt.QUIZ_SCORER, ActorKind.SYSTEM, SUBMITTED),
                evidence(V1, DATA, 3, 3, 1, Attempt.QUIZ_SCORER, ActorKind.SYSTEM, SUBMITTED)), List.of());
        return new Object[] {new AttemptStarted("at-1", "learner-1", V1, 1, SUBMITTED.minusSeconds(600), null),
                new ResponsesSaved("at-1", ANSWERS, SUBMITTED.minusSeconds(60)),
                new AttemptSubmitted("at-1", SUBMITTED, false), scored};
    }

    private static List<EvidenceRevocation> revokedRevision1(String reason) {
        return List.of(
                EvidenceRevocation.of(evidence(V1, API, 5, 7, 1, Attempt.QUIZ_SCORER, ActorKind.SYSTEM, SUBMITTED),
                        NOW, "assessor-1", ActorKind.ASSESSOR, reason),
                EvidenceRevocation.of(evidence(V1, DATA, 3, 3, 1, Attempt.QUIZ_SCORER, ActorKind.SYSTEM, SUBMITTED),
                        NOW, "assessor-1", ActorKind.ASSESSOR, reason));
    }

    @Test
    void voidsAndRescoresWithTheNextRevision_whenAnswerKeyIsCorrectedInANewVersion() {
        String reason = "attempt at-1 was regraded (revision 2): key of q1 corrected";

        fixture.given(scoredUnderVersion1())
                .when(new RegradeQuiz("at-1", "assessor-1", V2, null, "key of q1 corrected"))
                .expectEvents(new AttemptRegraded("at-1", 2, "assessor-1", "key of q1 corrected", V2, Map.of(),
                        List.of(new CompetencyResult(API, 7, 7), new CompetencyResult(DATA, 3, 3)), 1.0, true,
                        List.of(evidence(V2, API, 7, 7, 2, "assessor-1", ActorKind.ASSESSOR, NOW),
                                evidence(V2, DATA, 3, 3, 2, "assessor-1", ActorKind.ASSESSOR, NOW)),
                        revokedRevision1(reason)));
    }

    @Test
    void overridesItemCreditAndKeepsEvidenceIdsDeterministicPerRevision_whenAssessorOverridesCredit() {
        fixture.given(scoredUnderVersion1())
                .when(new RegradeQuiz("at-1", "assessor-1", null, Map.of("q1", 0.5), "partly right"))
                .expectEvents(new AttemptRegraded("at-1", 2, "assessor-1", "partly right", V1, Map.of("q1", 0.5),
                        List.of(new CompetencyResult(API, 6, 7), new CompetencyResult(DATA, 3, 3)),
                        (2 * (6.0 / 7) + 1.0) / 3, true,
                        List.of(evidence(V1, API, 6, 7, 2, "assessor-1", ActorKind.ASSESSOR, NOW),
                                evidence(V1, DATA, 3, 3, 2, "assessor-1", ActorKind.ASSESSOR, NOW)),
                        revokedRevision1("attempt at-1 was regraded (revision 2): partly right")))
                .expectState(attempt -> {
                    assertThat(attempt.revision()).isEqualTo(2);
                    assertThat(attempt.evidence()).extracting(EvidenceItem::evidenceId).containsExactly(
                            EvidenceIds.forAttempt("at-1", API, 2), EvidenceIds.forAttempt("at-1", DATA, 2));
                });
        assertThat(EvidenceIds.forAttempt("at-1", API, 2)).isEqualTo(EvidenceIds.forAttempt("at-1", API, 2))
                .isNotEqualTo(EvidenceIds.forAttempt("at-1", API, 1));
    }

    @Test
    void changesNothing_whenRegradeChangesNeitherVersionNorCredits() {
        Object[] given = scoredUnderVersion1();
        fixture.given(given)
                .when(new RegradeQuiz("at-1", "assessor-1", V1, Map.of(), "again"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rejectsRegrade_whenCreditIsOutOfRangeOrReasonMissingOrAttemptNotScored() {
        fixture.given(scoredUnderVersion1())
                .when(new RegradeQuiz("at-1", "assessor-1", null, Map.of("q1", 1.5, "q9", 1.0), "typo"))
                .expectException(refusal(Refusal.Kind.INVALID))
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("credit of q1 must be in [0, 1] but was 1.5"),
                        org.hamcrest.Matchers.containsString("q9 is not an item of this assessment")))
                .expectNoEvents();
        fixture.given(scoredUnderVersion1())
                .when(new RegradeQuiz("at-1", "assessor-1", V2, null, " "))
                .expectException(refusal(Refusal.Kind.INVALID))
                .expectNoEvents();
        fixture.given(new AttemptStarted("at-1", "learner-1", V1, 1, SUBMITTED, null))
                .when(new RegradeQuiz("at-1", "assessor-1", V2, null, "key corrected"))
                .expectException(refusal(Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }
}
