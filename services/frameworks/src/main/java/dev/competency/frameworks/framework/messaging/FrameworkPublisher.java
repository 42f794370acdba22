package dev.competency.frameworks.framework.messaging;

import dev.competency.contracts.EventTypes;
import dev.competency.frameworks.framework.domain.FrameworkVersionPublished;
import dev.competency.frameworks.framework.domain.FrameworkVersionRetired;
import dev.competency.platform.service.messaging.IntegrationEventPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** {@code framework.published} with the full snapshot of each published version, and {@code framework.retired}. */
@Component
@ProcessingGroup(ContractPublishing.PROCESSING_GROUP)
class FrameworkPublisher {

    private final IntegrationEventPublisher publisher;

    FrameworkPublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(FrameworkVersionPublished event) {
        publisher.publishAndAwait(ContractPublishing.eventId(EventTypes.FRAMEWORK_PUBLISHED,
                event.frameworkId(), event.version()), FrameworkSnapshots.published(event));
    }

    @EventHandler
    void on(FrameworkVersionRetired event) {
        publisher.publishAndAwait(ContractPublishing.eventId(EventTypes.FRAMEWORK_RETIRED,
                event.frameworkId(), event.version()), FrameworkSnapshots.retired(event));
    }
}
