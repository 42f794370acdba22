package dev.competency.frameworks.resource.domain;

/** @param targetLevel code of the level of the competency's scale the resource helps to reach */
public record ResourceTarget(String competencyId, String targetLevel) {
}
