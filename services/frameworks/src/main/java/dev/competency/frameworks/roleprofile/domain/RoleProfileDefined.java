package dev.competency.frameworks.roleprofile.domain;

import java.time.Instant;

/** The draft of {@code version} of a role profile now holds {@code definition}. */
public record RoleProfileDefined(String roleProfileId, int version, RoleProfileDefinition definition, String definedBy,
                                 Instant definedAt) {
}
