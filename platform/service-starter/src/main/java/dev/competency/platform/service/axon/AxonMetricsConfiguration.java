package dev.competency.platform.service.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Axon's metrics, with event processors measured by the two gauges the dashboard reads: {@code eventProcessor.latency}
 * and {@code eventProcessor.capacity}, tagged with the processor's name. Axon's own set adds a timer and counters per
 * processor and payload type, looked up in the registry for every event; in a read-model rebuild those lookups took
 * about an eighth of the processor thread. Both gauges are registered once ({@link ProcessorLatencyMonitor},
 * {@link ProcessorCapacityMonitor}); Axon's register theirs again for every event. The command bus, event store and
 * other components keep Axon's set.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration")
@ConditionalOnClass(GlobalMetricRegistry.class)
public class AxonMetricsConfiguration {

    static final String PROCESSOR_PREFIX = "eventProcessor";

    /** Replaces Axon's module of the same type, which backs off when one exists; off under the same property. */
    @Bean
    @ConditionalOnProperty(name = "axon.metrics.auto-configuration.enabled", matchIfMissing = true)
    MetricsConfigurerModule metricsConfigurerModule(GlobalMetricRegistry registry) {
        return new MetricsConfigurerModule(registry, true) {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"}) // Axon's registry answers with wildcard monitor types
            public void configureModule(Configurer configurer) {
                configurer.configureMessageMonitor(configuration -> (componentType, componentName) ->
                        EventProcessor.class.isAssignableFrom(componentType)
                                ? (MessageMonitor) processorMonitor(registry.getRegistry(), componentName)
                                : (MessageMonitor) registry.registerComponentWithDefaultTags(componentType,
                                        componentName));
            }
        };
    }

    static MessageMonitor<EventMessage<?>> processorMonitor(MeterRegistry meterRegistry, String processorName) {
        Tags tags = Tags.of("processorName", processorName);
        return new MultiMessageMonitor<>(List.of(
                new ProcessorLatencyMonitor(PROCESSOR_PREFIX, tags, meterRegistry),
                new ProcessorCapacityMonitor(PROCESSOR_PREFIX, tags, meterRegistry)));
    }
}
