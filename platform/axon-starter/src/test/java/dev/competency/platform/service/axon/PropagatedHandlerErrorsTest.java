package dev.competency.platform.service.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** {@code platform.event-processing.propagate-errors}: which processors' handler failures fail their batch. */
class PropagatedHandlerErrorsTest {

    private Configuration axon;

    @AfterEach
    void shutDown() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    @Test
    void propagatesHandlerFailure_whenItsProcessingGroupIsNamed() {
        Publisher publisher = start(new MockEnvironment()
                .withProperty("platform.event-processing.propagate-errors", "read-models,test-publisher"));

        assertThatThrownBy(() -> axon.eventBus().publish(GenericEventMessage.asEventMessage("changed")))
                .isInstanceOf(IllegalStateException.class).hasMessage("broker down");
        assertThat(publisher.calls).hasValue(1);
    }

    @Test
    void propagatesHandlerFailure_whenItsProcessingGroupIsNamedInYamlList() {
        start(new MockEnvironment()
                .withProperty("platform.event-processing.propagate-errors[0]", "read-models")
                .withProperty("platform.event-processing.propagate-errors[1]", "test-publisher"));

        assertThatThrownBy(() -> axon.eventBus().publish(GenericEventMessage.asEventMessage("changed")))
                .isInstanceOf(IllegalStateException.class).hasMessage("broker down");
    }

    @Test
    void logsAndSkipsHandlerFailure_whenItsProcessingGroupIsNotNamed() {
        Publisher publisher = start(new MockEnvironment()
                .withProperty("platform.event-processing.propagate-errors", "read-models"));

        assertThatCode(() -> axon.eventBus().publish(GenericEventMessage.asEventMessage("changed")))
                .doesNotThrowAnyException();
        assertThat(publisher.calls).hasValue(1);
    }

    private Publisher start(MockEnvironment environment) {
        Publisher publisher = new Publisher();
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(configuration -> new InMemoryEventStorageEngine());
        configurer.eventProcessing().usingSubscribingEventProcessors()
                .registerEventHandler(configuration -> publisher);
        new AxonMongoConfiguration().propagatedHandlerErrors(environment).configureModule(configurer);
        axon = configurer.start();
        return publisher;
    }

    @ProcessingGroup("test-publisher")
    static final class Publisher {

        final AtomicInteger calls = new AtomicInteger();

        @EventHandler
        void on(String event) {
            calls.incrementAndGet();
            throw new IllegalStateException("broker down");
        }
    }
}
