package dev.competency.assessments.frameworks.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What this service needs to know about one published framework version: which competencies it has and the codes
 * of its proficiency levels, lowest first (for manual ratings).
 *
 * @param competencies competency id to code
 * @param levels       level codes with their score thresholds, lowest first
 */
public record FrameworkVersion(String frameworkId, int version, boolean retired, Map<String, String> competencies,
                               List<Level> levels) {

    public FrameworkVersion {
        competencies = Map.copyOf(competencies);
        levels = List.copyOf(levels);
    }

    public boolean has(String competencyId) {
        return competencyId != null && competencies.containsKey(competencyId);
    }

    public Optional<Level> level(String code) {
        return levels.stream().filter(level -> level.code().equals(code)).findFirst();
    }

    /** A proficiency level of the framework's scale. */
    public record Level(String code, double threshold) {
    }
}
