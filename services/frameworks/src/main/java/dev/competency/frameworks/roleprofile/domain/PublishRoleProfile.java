package dev.competency.frameworks.roleprofile.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PublishRoleProfile(@TargetAggregateIdentifier String roleProfileId, String publishedBy) {
}
