package dev.competency.learners.mastery;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Ordered proficiency levels, lowest first, with strictly increasing thresholds and exactly one mastery level.
 * A score reaches the highest level whose threshold it {@linkplain #reaches reaches}; a score below the lowest
 * threshold reaches no level. Mastered means at or above the mastery level.
 */
public record ProficiencyScale(List<ProficiencyLevel> levels) {

    /**
     * How far below a threshold a score may be and still reach it: 1e-9. Scores are sums and products of binary
     * fractions, so a mean that is 0.7 on paper can come out as 0.6999999999999998 (the mean of 0.6, 0.7 and 0.8);
     * that must not fall a level short. Thresholds and normalised scores in practice have at most a few decimals,
     * so no score that is below a threshold on paper comes within 1e-9 of it.
     */
    public static final double TOLERANCE = 1e-9;

    public ProficiencyScale {
        Objects.requireNonNull(levels, "levels");
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("levels must not be empty");
        }
        Set<String> codes = new HashSet<>();
        int masteryLevels = 0;
        for (int i = 0; i < levels.size(); i++) {
            ProficiencyLevel level = levels.get(i);
            if (!codes.add(level.code())) {
                throw new IllegalArgumentException("levels must have unique codes but " + level.code() + " repeats");
            }
            if (i > 0 && level.threshold() <= levels.get(i - 1).threshold()) {
                throw new IllegalArgumentException("levels must have strictly increasing thresholds but "
                        + level.code() + " (" + level.threshold() + ") does not exceed "
                        + levels.get(i - 1).code() + " (" + levels.get(i - 1).threshold() + ")");
            }
            if (level.mastery()) {
                masteryLevels++;
            }
        }
        if (masteryLevels != 1) {
            throw new IllegalArgumentException("levels must contain exactly one mastery level but had " + masteryLevels);
        }
    }

    /** Shorthand for {@code new ProficiencyScale(List.of(levels))}. */
    public static ProficiencyScale of(ProficiencyLevel... levels) {
        return new ProficiencyScale(List.of(levels));
    }

    /** Position of the level with this code, from 0 for the lowest, or -1 when the scale has no such level. */
    public int indexOf(String code) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code score} reaches {@code threshold}: it is at most {@link #TOLERANCE} below it. */
    public static boolean reaches(double score, double threshold) {
        return score >= threshold - TOLERANCE;
    }

    /** Position of the highest level whose threshold {@code score} reaches, or -1 when none is reached. */
    public int indexFor(double score) {
        for (int i = levels.size() - 1; i >= 0; i--) {
            if (reaches(score, levels.get(i).threshold())) {
                return i;
            }
        }
        return -1;
    }

    public int masteryIndex() {
        for (int i = 0; ; i++) {
            if (levels.get(i).mastery()) {
                return i;
            }
        }
    }

    public ProficiencyLevel masteryLevel() {
        return levels.get(masteryIndex());
    }

    public double masteryThreshold() {
        return masteryLevel().threshold();
    }
}
