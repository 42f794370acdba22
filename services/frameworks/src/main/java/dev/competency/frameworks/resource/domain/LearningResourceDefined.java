package dev.competency.frameworks.resource.domain;

import java.time.Instant;

public record LearningResourceDefined(String resourceId, int version, ResourceDefinition definition,
                                      String definedBy, Instant definedAt) {
}
