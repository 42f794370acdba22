package dev.competency.frameworks.roleprofile.domain;

import java.time.Instant;

/** {@code version} of a role profile was published and never changes. */
public record RoleProfileVersionPublished(String roleProfileId, int version, RoleProfileDefinition definition,
                                          String publishedBy, Instant publishedAt) {
}
