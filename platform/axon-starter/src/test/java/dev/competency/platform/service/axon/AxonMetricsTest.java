package dev.competency.platform.service.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Axon's metrics as every service gets them: the processors' gauges that the dashboard reads
 * ({@code eventProcessor_latency}, {@code eventProcessor_capacity} by {@code processorName}) measured by the
 * monitors a running processor actually uses, and the command bus timed by payload type by axon-micrometer, through
 * Spring's auto-configuration.
 */
class AxonMetricsTest {

    private static final String PROCESSOR = "read-models";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(application -> new AxonDefaults()
                    .postProcessEnvironment(application.getEnvironment(), new SpringApplication()))
            .withBean(MeterRegistry.class, () -> registry)
            .withConfiguration(AutoConfigurations.of(AxonMetricsConfiguration.class,
                    MicrometerMetricsAutoConfiguration.class));
    private final Handlers handlers = new Handlers();
    private Configuration axon;

    @AfterEach
    void shutDown() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    @Test
    void reportsAgeOfLastEventAndCapacityPerProcessor_whenProcessorHandlesEvents() {
        context.run(spring -> {
            axon = started(spring.getBean(MetricsConfigurerModule.class));

            publishStoredAt(Instant.now().minus(Duration.ofHours(1)));
            await().atMost(Duration.ofSeconds(10)).until(() -> handlers.events.size() == 1);
            assertThat(latencyMillis()).isBetween(3_600_000.0, 3_660_000.0);
            assertThat(registry.get("eventProcessor.capacity").tag("processorName", PROCESSOR).gauge().value())
                    .isPositive();

            publishStoredAt(Instant.now());
            await().atMost(Duration.ofSeconds(10)).until(() -> handlers.events.size() == 2);
            assertThat(latencyMillis()).isBetween(0.0, 60_000.0);
            // One gauge per processor: no payload type that would keep an old age after a rebuild.
            assertThat(registry.find("eventProcessor.latency").gauges()).hasSize(1)
                    .allMatch(gauge -> gauge.getId().getTag("payloadType") == null);
        });
    }

    @Test
    void timesTheCommandBusPerPayloadType_whenCommandsAreHandled() {
        context.run(spring -> {
            axon = started(spring.getBean(MetricsConfigurerModule.class));

            axon.commandGateway().sendAndWait(new Register("l-1"));

            assertThat(registry.get("commandBus.successTimer").tag("payloadType", "Register").timer().count())
                    .isEqualTo(1);
        });
    }

    private double latencyMillis() {
        return registry.get("eventProcessor.latency").tag("processorName", PROCESSOR).gauge().value();
    }

    private void publishStoredAt(Instant timestamp) {
        axon.eventBus().publish(new GenericEventMessage<>(UUID.randomUUID().toString(), "evidence",
                MetaData.emptyInstance(), timestamp));
    }

    private Configuration started(MetricsConfigurerModule metrics) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(configuration -> new InMemoryEventStorageEngine())
                .registerCommandHandler(configuration -> handlers);
        configurer.eventProcessing().registerTrackingEventProcessor(PROCESSOR)
                .registerEventHandler(configuration -> handlers);
        metrics.configureModule(configurer);
        return configurer.start();
    }

    record Register(String learnerId) {
    }

    @ProcessingGroup(PROCESSOR)
    static final class Handlers {

        final List<String> events = new CopyOnWriteArrayList<>();

        @CommandHandler
        String handle(Register command) {
            return command.learnerId();
        }

        @EventHandler
        void on(String event) {
            events.add(event);
        }
    }
}
