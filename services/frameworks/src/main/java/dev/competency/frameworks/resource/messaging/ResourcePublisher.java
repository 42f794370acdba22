package dev.competency.frameworks.resource.messaging;

import dev.competency.contracts.EventTypes;
import dev.competency.contracts.frameworks.LearningResourcePublished;
import dev.competency.frameworks.framework.messaging.ContractPublishing;
import dev.competency.frameworks.resource.domain.LearningResourceVersionPublished;
import dev.competency.frameworks.resource.domain.ResourceDefinition;
import dev.competency.platform.service.messaging.IntegrationEventPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** {@code learning-resource.published} with the full snapshot of each published version of a resource. */
@Component
@ProcessingGroup(ContractPublishing.PROCESSING_GROUP)
class ResourcePublisher {

    private final IntegrationEventPublisher publisher;

    ResourcePublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(LearningResourceVersionPublished event) {
        publisher.publishAndAwait(ContractPublishing.eventId(
                EventTypes.LEARNING_RESOURCE_PUBLISHED, event.resourceId(), event.version()), translate(event));
    }

    static LearningResourcePublished translate(LearningResourceVersionPublished event) {
        ResourceDefinition definition = event.definition();
        return new LearningResourcePublished(event.resourceId(), event.version(), definition.title(),
                definition.url(), definition.type(), definition.duration(), definition.frameworkId(),
                definition.competencies().stream().map(t -> new LearningResourcePublished.ResourceTarget(
                        t.competencyId(), t.targetLevel())).toList(), event.publishedAt());
    }
}
