package dev.competency.assessments.assessment.domain;

import java.util.List;

/** A criterion of a rubric, aligned to one competency, with levels from the lowest to the highest score. */
public record RubricCriterion(String criterionId, String title, String competencyId, List<RubricLevel> levels) {

    public RubricCriterion {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    public double maxScore() {
        return levels.isEmpty() ? 0.0 : levels.get(levels.size() - 1).score();
    }
}
