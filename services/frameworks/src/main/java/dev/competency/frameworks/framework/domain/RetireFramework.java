package dev.competency.frameworks.framework.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retires the framework: its latest published version accepts no new evidence and nothing is edited any more. */
public record RetireFramework(@TargetAggregateIdentifier String frameworkId, String retiredBy, String reason) {
}
