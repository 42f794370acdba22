package dev.competency.frameworks.roleprofile.messaging;

import dev.competency.contracts.EventTypes;
import dev.competency.contracts.frameworks.RoleProfilePublished;
import dev.competency.frameworks.framework.messaging.ContractPublishing;
import dev.competency.frameworks.roleprofile.domain.RoleProfileDefinition;
import dev.competency.frameworks.roleprofile.domain.RoleProfileVersionPublished;
import dev.competency.platform.service.messaging.IntegrationEventPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** {@code role-profile.published} with the full snapshot of each published version of a role profile. */
@Component
@ProcessingGroup(ContractPublishing.PROCESSING_GROUP)
class RoleProfilePublisher {

    private final IntegrationEventPublisher publisher;

    RoleProfilePublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(RoleProfileVersionPublished event) {
        publisher.publishAndAwait(ContractPublishing.eventId(EventTypes.ROLE_PROFILE_PUBLISHED,
                event.roleProfileId(), event.version()), translate(event));
    }

    static RoleProfilePublished translate(RoleProfileVersionPublished event) {
        RoleProfileDefinition definition = event.definition();
        return new RoleProfilePublished(event.roleProfileId(), event.version(), definition.title(),
                definition.description(), definition.frameworkId(), definition.frameworkVersion(),
                definition.requirements().stream().map(r -> new RoleProfilePublished.RoleRequirement(r.competencyId(),
                        r.targetLevel(), r.weight())).toList(), event.publishedAt());
    }
}
