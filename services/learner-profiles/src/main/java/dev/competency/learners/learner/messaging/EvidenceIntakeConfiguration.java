package dev.competency.learners.learner.messaging;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * The evidence intake's listener containers: the platform's settings (error handler with dead-letter topic,
 * deserializers, isolation level), but a batch listener (the whole poll in one call, see
 * {@link EvidenceStreamListener}) with offsets committed once per polled batch instead of once per record. Each
 * per-record commit was a synchronous round trip to the broker; the learners' idempotence makes replaying the
 * uncommitted part of a batch after a crash harmless. A failing record still goes through the error handler, which
 * commits the records before it (the listener names it by its index in the batch).
 */
@Configuration(proxyBeanMethods = false)
class EvidenceIntakeConfiguration {

    static final String CONTAINER_FACTORY = "evidenceIntakeContainerFactory";

    @Bean(CONTAINER_FACTORY)
    @SuppressWarnings("unchecked")
    ConcurrentKafkaListenerContainerFactory<Object, Object> evidenceIntakeContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<?, ?> consumers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, (ConsumerFactory<Object, Object>) consumers);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        return factory;
    }
}
