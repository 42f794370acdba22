package dev.competency.frameworks.framework.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts a new competency framework as a first draft. */
public record CreateFramework(@TargetAggregateIdentifier String frameworkId, String code, String title,
                              String description, String createdBy) {
}
