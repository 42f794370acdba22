package dev.competency.frameworks.framework.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the draft with {@code content}; on a published framework it starts the next version as a draft. */
public record EditFramework(@TargetAggregateIdentifier String frameworkId, FrameworkContent content,
                            String editedBy) {
}
