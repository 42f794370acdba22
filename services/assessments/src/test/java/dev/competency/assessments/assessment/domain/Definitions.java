package dev.competency.assessments.assessment.domain;

import dev.competency.assessments.frameworks.domain.FrameworkVersion;
import dev.competency.assessments.frameworks.domain.FrameworkVersions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Assessment definitions for tests, against a small framework version. */
public final class Definitions {

    public static final String FRAMEWORK = "fw-1";
    public static final int VERSION = 2;
    public static final String API = "c-api";
    public static final String DATA = "c-data";

    private Definitions() {
    }

    public static FrameworkVersions frameworks() {
        return (frameworkId, version) -> FRAMEWORK.equals(frameworkId) && version == VERSION
                ? Optional.of(new FrameworkVersion(FRAMEWORK, VERSION, false, Map.of(API, "DEV.API", DATA, "DEV.DATA",
                        "c-other", "DEV.OTHER"), List.of(new FrameworkVersion.Level("NOVICE", 0.0),
                        new FrameworkVersion.Level("PROFICIENT", 0.75))))
                : Optional.empty();
    }

    /** A quiz with one item of each type: q1 single (API), q2 multiple with partial credit (API, DATA), q3 numeric
     *  (DATA), q4 ordering (API). Weights API 2, DATA 1. */
    public static AssessmentDefinition quiz(String timeLimit, boolean acceptLate) {
        return new AssessmentDefinition(List.of(new CompetencyWeight(API, 2), new CompetencyWeight(DATA, 1)), 3.0,
                0.6, 2, timeLimit, acceptLate, List.of(
                new QuizItem("q1", ItemType.SINGLE_CHOICE, "Which method is idempotent?", List.of("a", "b", "c"),
                        List.of("b"), null, null, 2.0, false, List.of(API)),
                new QuizItem("q2", ItemType.MULTIPLE_CHOICE, "Which are safe?", List.of("a", "b", "c", "d"),
                        List.of("a", "b"), null, null, 2.0, true, List.of(API, DATA)),
                new QuizItem("q3", ItemType.NUMERIC, "Default page size?", null, null, 50.0, 5.0, 1.0, false,
                        List.of(DATA)),
                new QuizItem("q4", ItemType.ORDERING, "Order the steps", List.of("x", "y", "z"),
                        List.of("x", "y", "z"), null, null, 3.0, true, List.of(API))),
                null, null, null);
    }

    /** A rubric with two criteria on API and one on DATA, levels scoring 0, 2, 4. */
    public static AssessmentDefinition rubric() {
        return new AssessmentDefinition(List.of(new CompetencyWeight(API, 0.5), new CompetencyWeight(DATA, 0.5)),
                1.0, 0.5, null, null, false, null, List.of(
                criterion("design", API), criterion("errors", API), criterion("model", DATA)), null, null);
    }

    /** Peer feedback rated on the rubric's criteria, counted once {@code minPeers} peers rated. */
    public static AssessmentDefinition peer(int minPeers) {
        return new AssessmentDefinition(List.of(new CompetencyWeight(API, 0.5), new CompetencyWeight(DATA, 0.5)),
                1.0, 0.5, null, null, false, null, List.of(criterion("design", API), criterion("model", DATA)), null,
                minPeers);
    }

    /** A self-assessment on the rubric's criteria. */
    public static AssessmentDefinition self() {
        return new AssessmentDefinition(List.of(new CompetencyWeight(API, 1), new CompetencyWeight(DATA, 1)), null,
                0.5, null, null, false, null, List.of(criterion("design", API), criterion("model", DATA)), null, null);
    }

    /** An observation checklist: two items on API, one on DATA. */
    public static AssessmentDefinition checklist() {
        return new AssessmentDefinition(List.of(new CompetencyWeight(API, 1), new CompetencyWeight(DATA, 1)), null,
                0.5, null, null, false, null, null, List.of(new ChecklistItem("k1", "Reviews a pull request", API),
                new ChecklistItem("k2", "Writes an API guideline", API),
                new ChecklistItem("k3", "Designs a collection schema", DATA)), null);
    }

    public static RubricCriterion criterion(String id, String competencyId) {
        return new RubricCriterion(id, "Criterion " + id, competencyId, List.of(new RubricLevel("NONE", "None", 0),
                new RubricLevel("SOME", "Some", 2), new RubricLevel("FULL", "Full", 4)));
    }

    public static PublishedAssessment published(String assessmentId, AssessmentKind kind,
                                                AssessmentDefinition definition) {
        return new PublishedAssessment(assessmentId, 1, kind, "Assessment " + assessmentId, FRAMEWORK, VERSION,
                definition);
    }
}
