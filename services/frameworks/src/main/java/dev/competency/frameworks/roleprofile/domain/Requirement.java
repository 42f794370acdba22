package dev.competency.frameworks.roleprofile.domain;

/**
 * @param targetLevel code of the level of the competency's scale the role requires
 * @param weight      share of the requirement in readiness, relative to the others; at least 0
 */
public record Requirement(String competencyId, String targetLevel, Double weight) {
}
