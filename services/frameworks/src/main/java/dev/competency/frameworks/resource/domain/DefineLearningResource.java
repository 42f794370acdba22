package dev.competency.frameworks.resource.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates the learning resource, or replaces its draft; on a published resource it starts the next version. */
public record DefineLearningResource(@TargetAggregateIdentifier String resourceId, ResourceDefinition definition,
                                     String definedBy) {
}
