package dev.competency.frameworks.framework.domain;

import dev.competency.contracts.frameworks.FrameworkPublished.RelationType;

/** "source type target" between two competencies of the same version, named by their codes. */
public record Relation(String source, String target, RelationType type) {
}
