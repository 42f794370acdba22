package dev.competency.analytics.stream;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * The container of {@link DeadLetterListener}: the platform's settings (its error handler, which sends a record that
 * breaks its contract to {@code <topic>.dlq}; deserializers; isolation level), but the whole poll in one call with its
 * offsets committed once per poll: a commit per record would be a round trip to the broker for each of the records
 * the group reads once when it first starts.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    static final String CONTAINER_FACTORY = "deadLetterContainerFactory";

    @Bean(CONTAINER_FACTORY)
    @SuppressWarnings("unchecked")
    ConcurrentKafkaListenerContainerFactory<Object, Object> deadLetterContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<?, ?> consumers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, (ConsumerFactory<Object, Object>) consumers);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        return factory;
    }
}
