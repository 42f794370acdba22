package dev.competency.frameworks.framework.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Makes the draft the next published, immutable version. */
public record PublishFramework(@TargetAggregateIdentifier String frameworkId, String publishedBy) {
}
