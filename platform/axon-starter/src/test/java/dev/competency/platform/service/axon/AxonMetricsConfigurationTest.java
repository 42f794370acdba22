package dev.competency.platform.service.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

/** The monitors the platform gives Axon's event processors: each built once, its gauges registered once. */
class AxonMetricsConfigurationTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Configuration configuration = configured(registry);

    @Test
    void givesTheSameMonitorAndRegistersEachMeterOnce_whenAProcessorIsAskedForTwice() {
        MessageMonitor<?> processor = configuration.messageMonitor(TrackingEventProcessor.class, "read-models");

        assertThat(configuration.messageMonitor(TrackingEventProcessor.class, "read-models")).isSameAs(processor);
        assertThat(configuration.messageMonitor(EventProcessor.class, "read-models")).isSameAs(processor);
        assertThat(configuration.messageMonitor(EventProcessor.class, "publisher")).isNotSameAs(processor);
        assertThat(registry.find("eventProcessor.capacity").tag("processorName", "read-models").gauges()).hasSize(1);
        assertThat(registry.find("eventProcessor.latency").tag("processorName", "read-models").gauges()).hasSize(1);
        assertThat(registry.find("eventProcessor.ingestedCounter").tag("processorName", "read-models").counters())
                .hasSize(1);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void countsEachEventTakenIn_whenAProcessorHandlesEvents() {
        MessageMonitor readModels = configuration.messageMonitor(EventProcessor.class, "read-models");

        readModels.onMessageIngested(GenericEventMessage.asEventMessage("first")).reportSuccess();
        readModels.onMessageIngested(GenericEventMessage.asEventMessage("second")).reportFailure(new RuntimeException());

        assertThat(registry.get("eventProcessor.ingestedCounter").tag("processorName", "read-models").counter()
                .count()).isEqualTo(2);
    }

    private static Configuration configured(SimpleMeterRegistry registry) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration();
        new AxonMetricsConfiguration().metricsConfigurerModule(new GlobalMetricRegistry(registry))
                .configureModule(configurer);
        return configurer.buildConfiguration();
    }
}
