package dev.competency.learners.mastery;

/**
 * One level of a proficiency scale.
 *
 * @param code      stable code, such as {@code PROFICIENT}
 * @param label     human-readable name
 * @param threshold lowest normalised score that reaches the level, in [0,1]
 * @param mastery   whether this is the scale's mastery level
 */
public record ProficiencyLevel(String code, String label, double threshold, boolean mastery) {

    public ProficiencyLevel {
        Evidence.requireText(code, "code");
        Evidence.requireText(label, "label");
        if (!(threshold >= 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("threshold must be in [0,1] but was " + threshold + " for level " + code);
        }
    }
}
