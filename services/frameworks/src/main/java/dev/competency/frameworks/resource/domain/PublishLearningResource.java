package dev.competency.frameworks.resource.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PublishLearningResource(@TargetAggregateIdentifier String resourceId, String publishedBy) {
}
