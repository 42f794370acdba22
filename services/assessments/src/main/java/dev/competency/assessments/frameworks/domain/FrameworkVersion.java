package dev.competency.assessments.frameworks.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What this service needs to know about one published framework version: which competencies it has and the codes
 * of its proficiency levels, lowest first (for manual ratings).
 *
 * @param competencies    competency id to code
 * @param levels          level codes with their score thresholds, lowest first
 * @param rolledUpParents the competencies whose mastery this version rolls up from their children (ALL_CHILDREN or
 *                        POINTS): evidence on them is kept but never changes their mastery
 */
public record FrameworkVersion(String frameworkId, int version, boolean retired, Map<String, String> competencies,
                               List<Level> levels, Set<String> rolledUpParents) {

    public FrameworkVersion {
        competencies = Map.copyOf(competencies);
        levels = List.copyOf(levels);
        rolledUpParents = Set.copyOf(rolledUpParents);
    }

    /** A version without roll-ups. */
    public FrameworkVersion(String frameworkId, int version, boolean retired, Map<String, String> competencies,
            List<Level> levels) {
        this(frameworkId, version, retired, competencies, levels, Set.of());
    }

    public boolean has(String competencyId) {
        return competencyId != null && competencies.containsKey(competencyId);
    }

    /** Whether this version computes the competency's mastery from its children, not from its own evidence. */
    public boolean rollsUp(String competencyId) {
        return rolledUpParents.contains(competencyId);
    }

    public Optional<Level> level(String code) {
        return levels.stream().filter(level -> level.code().equals(code)).findFirst();
    }

    /** A proficiency level of the framework's scale. */
    public record Level(String code, double threshold) {
    }
}
