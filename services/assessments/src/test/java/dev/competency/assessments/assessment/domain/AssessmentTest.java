package dev.competency.assessments.assessment.domain;

import static dev.competency.assessments.assessment.domain.Definitions.API;
import static dev.competency.assessments.assessment.domain.Definitions.DATA;
import static dev.competency.assessments.assessment.domain.Definitions.FRAMEWORK;
import static dev.competency.assessments.assessment.domain.Definitions.VERSION;
import static dev.competency.assessments.support.Refusals.refusal;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import dev.competency.platform.service.error.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssessmentTest {

    private static final Instant NOW = Instant.parse("2026-11-28T11:00:00Z");
    private AggregateTestFixture<Assessment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assessment.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(Definitions.frameworks());
    }

    private static AssessmentCreated created(AssessmentKind kind) {
        return new AssessmentCreated("as-1", kind, "REST basics", FRAMEWORK, VERSION, 1, "author-1", NOW);
    }

    @Test
    void createsDraft_whenAssessmentIsCreated() {
        fixture.givenNoPriorActivity()
                .when(new CreateAssessment("as-1", AssessmentKind.QUIZ, "REST basics", "fw-1", 2, "author-1"))
                .expectEvents(new AssessmentCreated("as-1", AssessmentKind.QUIZ, "REST basics", "fw-1", 2, 1,
                        "author-1", NOW));
    }

    @Test
    void rejectsCreation_whenFrameworkVersionIsMissing() {
        fixture.givenNoPriorActivity()
                .when(new CreateAssessment("as-1", AssessmentKind.RUBRIC, "Design review", "fw-1", 0, "author-1"))
                .expectException(InvalidAssessmentException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsCreation_whenKindIsMissing() {
        fixture.givenNoPriorActivity()
                .when(new CreateAssessment("as-1", null, "Design review", "fw-1", 1, "author-1"))
                .expectException(InvalidAssessmentException.class)
                .expectExceptionMessage("kind is required: one of QUIZ, RUBRIC, OBSERVATION, PEER, SELF")
                .expectNoEvents();
    }

    @Test
    void definesDraft_whenQuizIsValid() {
        AssessmentDefinition quiz = Definitions.quiz("PT30M", false);
        fixture.given(created(AssessmentKind.QUIZ))
                .when(new DefineAssessment("as-1", quiz, "author-1"))
                .expectEvents(new AssessmentDefined("as-1", 1, quiz, "author-1", NOW));
    }

    @Test
    void publishesVersionOneAndStartsDraftOfVersionTwo_whenDefinedAgain() {
        AssessmentDefinition rubric = Definitions.rubric();
        fixture.given(created(AssessmentKind.RUBRIC), new AssessmentDefined("as-1", 1, rubric, "author-1", NOW))
                .when(new PublishAssessment("as-1", "author-1"))
                .expectEvents(new AssessmentPublished(new PublishedAssessment("as-1", 1, AssessmentKind.RUBRIC,
                        "REST basics", FRAMEWORK, VERSION, rubric), "author-1", NOW));

        fixture.given(created(AssessmentKind.RUBRIC), new AssessmentDefined("as-1", 1, rubric, "author-1", NOW),
                        new AssessmentPublished(new PublishedAssessment("as-1", 1, AssessmentKind.RUBRIC,
                                "REST basics", FRAMEWORK, VERSION, rubric), "author-1", NOW))
                .when(new DefineAssessment("as-1", rubric, "author-2"))
                .expectEvents(new AssessmentDefined("as-1", 2, rubric, "author-2", NOW));
    }

    @Test
    void rejectsPublication_whenThereIsNoDraft() {
        fixture.given(created(AssessmentKind.QUIZ))
                .when(new PublishAssessment("as-1", "author-1"))
                .expectException(refusal(Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void rejectsDefinition_whenItemIsUnalignedAndCompetencyIsNotInFramework() {
        AssessmentDefinition quiz = Definitions.quiz(null, false);
        AssessmentDefinition broken = new AssessmentDefinition(List.of(new CompetencyWeight(API, 2),
                new CompetencyWeight(DATA, 1), new CompetencyWeight("c-unknown", 1)), 3.0, 0.6, null, null, false,
                List.of(quiz.items().get(0), new QuizItem("q9", ItemType.SINGLE_CHOICE, "?", List.of("a", "b"),
                        List.of("a"), null, null, 1.0, false, List.of())), null, null, null);

        fixture.given(created(AssessmentKind.QUIZ))
                .when(new DefineAssessment("as-1", broken, "author-1"))
                .expectException(InvalidAssessmentException.class)
                .expectExceptionMessage(allOf(
                        containsString("competency c-unknown is not in framework fw-1 version 2"),
                        containsString("item q9 is not aligned to any competency"),
                        containsString("alignment weights sum to 4.0 but weightTotal declares 3.0"),
                        containsString("competency c-data has no item to assess it")))
                .expectNoEvents();
    }

    @Test
    void acceptsPeerDefinition_whenItHasCriteriaAndMinimumPeers() {
        fixture.given(created(AssessmentKind.PEER))
                .when(new DefineAssessment("as-1", Definitions.peer(2), "author-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AssessmentDefined("as-1", 1, Definitions.peer(2), "author-1", NOW));
    }

    @Test
    void rejectsDefinition_whenPeerOrSelfAssessmentHasNoCriteriaOrBadMinimumPeers() {
        AssessmentDefinition noCriteria = new AssessmentDefinition(List.of(new CompetencyWeight(API, 1)), null, 0.5,
                null, null, false, null, null, null, 0);

        fixture.given(created(AssessmentKind.PEER))
                .when(new DefineAssessment("as-1", noCriteria, "author-1"))
                .expectException(InvalidAssessmentException.class)
                .expectExceptionMessage(allOf(containsString("minPeers must be at least 1"),
                        containsString("a PEER assessment needs at least one criterion to rate"),
                        containsString("competency c-api has no criterion to assess it")))
                .expectNoEvents();
    }

    @Test
    void rejectsDefinition_whenMinimumPeersIsSetOnASelfAssessment() {
        AssessmentDefinition self = Definitions.self();
        AssessmentDefinition withPeers = new AssessmentDefinition(self.alignments(), null, 0.5, null, null, false,
                null, self.criteria(), null, 3);

        fixture.given(created(AssessmentKind.SELF))
                .when(new DefineAssessment("as-1", withPeers, "author-1"))
                .expectException(InvalidAssessmentException.class)
                .expectExceptionMessage(containsString("minPeers applies to PEER assessments only"))
                .expectNoEvents();
    }

    @Test
    void rejectsDefinition_whenRubricLevelsAreOutOfOrder() {
        AssessmentDefinition rubric = new AssessmentDefinition(List.of(new CompetencyWeight(API, 1)), null, 0.5,
                null, null, false, null, List.of(new RubricCriterion("design", "Design", API, List.of(
                new RubricLevel("GOOD", "Good", 3), new RubricLevel("POOR", "Poor", 1)))), null, null);

        fixture.given(created(AssessmentKind.RUBRIC))
                .when(new DefineAssessment("as-1", rubric, "author-1"))
                .expectException(InvalidAssessmentException.class)
                .expectExceptionMessage(containsString("criterion design levels are out of order: POOR must score"
                        + " more than GOOD"))
                .expectNoEvents();
    }

    @Test
    void rejectsDefinition_whenChoiceItemsAreMalformed() {
        AssessmentDefinition quiz = new AssessmentDefinition(List.of(new CompetencyWeight(API, 1)), null, 0.5, null,
                "soon", false, List.of(
                new QuizItem("q1", ItemType.SINGLE_CHOICE, "?", List.of("a", "b"), List.of("a", "b"), null, null, 1.0,
                        false, List.of(API)),
                new QuizItem("q2", ItemType.ORDERING, "?", List.of("a", "b"), List.of("a"), null, null, 1.0, false,
                        List.of(API)),
                new QuizItem("q3", ItemType.NUMERIC, "?", null, null, null, -1.0, 1.0, false, List.of(API))),
                null, null, null);

        fixture.given(created(AssessmentKind.QUIZ))
                .when(new DefineAssessment("as-1", quiz, "author-1"))
                .expectException(InvalidAssessmentException.class)
                .expectExceptionMessage(allOf(
                        containsString("item q1 is single choice and must have exactly one correct option"),
                        containsString("item q2 must give the correct order of all its options"),
                        containsString("item q3 is numeric and needs an answer"),
                        containsString("item q3 must not have a negative tolerance"),
                        containsString("timeLimit must be an ISO 8601 duration")))
                .expectNoEvents();
    }

    @Test
    void rejectsDefinition_whenFrameworkVersionIsUnknown() {
        fixture.given(new AssessmentCreated("as-1", AssessmentKind.QUIZ, "REST basics", "fw-unknown", 1, 1,
                        "author-1", NOW))
                .when(new DefineAssessment("as-1", Definitions.quiz(null, false), "author-1"))
                .expectException(InvalidAssessmentException.class)
                .expectExceptionMessage("framework fw-unknown version 1 has not been published")
                .expectNoEvents();
    }

    @Test
    void rejectsChanges_whenAssessmentIsRetired() {
        fixture.given(created(AssessmentKind.QUIZ), new AssessmentRetired("as-1", "author-1", NOW))
                .when(new DefineAssessment("as-1", Definitions.quiz(null, false), "author-1"))
                .expectException(refusal(Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void rejectsDefinitionNamingEveryText_whenTextsAreAboveTheirLimits() {
        AssessmentDefinition quiz = Definitions.quiz(null, false);
        QuizItem first = quiz.items().get(0);
        AssessmentDefinition verbose = new AssessmentDefinition(quiz.alignments(), quiz.weightTotal(),
                quiz.passMark(), null, null, false, List.of(new QuizItem(first.itemId(), first.type(),
                        "p".repeat(AssessmentDefinition.TEXT_MAX + 1), List.of("a", "o".repeat(129)),
                        List.of("a"), null, null, 2.0, false, first.competencyIds())), null, null, null);

        fixture.given(created(AssessmentKind.QUIZ))
                .when(new DefineAssessment("as-1", verbose, "author-1"))
                .expectException(InvalidAssessmentException.class)
                .expectExceptionMessage(allOf(
                        containsString("item q1 prompt must be at most 2000 characters but has 2001"),
                        containsString("item q1 option must be at most 128 characters but has 129")))
                .expectNoEvents();
    }
}
