package dev.competency.frameworks.framework.domain;

import dev.competency.contracts.frameworks.FrameworkPublished.RelationType;

/**
 * "source type target" between two competencies of the same version, named by their codes.
 *
 * @param externalId identifier of the relation in an external standard, such as a CASE CFAssociation identifier
 */
public record Relation(String source, String target, RelationType type, String externalId) {
}
