package dev.competency.assessments.evidence.messaging;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The evidence publisher runs in a tracking processor ({@code application.yml}) whose failures propagate, so a failed send is retried from
 * the same event instead of being logged and skipped (Axon's default for event handlers).
 */
@Configuration(proxyBeanMethods = false)
class EvidencePublishingConfiguration {

    @Autowired
    void configure(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(EvidencePublisher.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
