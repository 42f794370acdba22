package dev.competency.frameworks.resource.domain;

import java.time.Instant;

public record LearningResourceVersionPublished(String resourceId, int version, ResourceDefinition definition,
                                               String publishedBy, Instant publishedAt) {
}
