package dev.competency.frameworks.roleprofile.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates the role profile, or replaces its draft; on a published profile it starts the next version. */
public record DefineRoleProfile(@TargetAggregateIdentifier String roleProfileId, RoleProfileDefinition definition,
                                String definedBy) {
}
