package dev.competency.assessments.attempt.domain;

/** How an attempt went on one competency: raw points of its items or criteria, out of their maximum. */
public record CompetencyResult(String competencyId, double rawScore, double maxScore) {

    /** The raw score normalised to [0, 1]. */
    public double score() {
        return maxScore > 0 ? Math.min(1.0, Math.max(0.0, rawScore / maxScore)) : 0.0;
    }
}
