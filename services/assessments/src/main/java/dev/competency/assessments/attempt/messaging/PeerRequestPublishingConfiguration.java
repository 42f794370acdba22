package dev.competency.assessments.attempt.messaging;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The peer request publisher's failures propagate, so a failed send is retried from the same event instead of being
 * logged and skipped (Axon's default for event handlers).
 */
@Configuration(proxyBeanMethods = false)
class PeerRequestPublishingConfiguration {

    @Autowired
    void configure(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(PeerRequestPublisher.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }
}
