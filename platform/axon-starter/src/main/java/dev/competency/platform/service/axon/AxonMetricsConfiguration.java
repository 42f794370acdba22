package dev.competency.platform.service.axon;

import io.micrometer.core.instrument.Tags;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Axon's metrics (axon-micrometer's monitors), with the event processors' meters tagged by processor only:
 * {@code eventProcessor.latency} (age, in milliseconds, of the last event the processor took in),
 * {@code eventProcessor.capacity} (share of the last ten minutes spent handling), and Axon's timers
 * ({@code eventProcessor.allTimer}, {@code .successTimer}, ...) and counters ({@code eventProcessor.ingestedCounter},
 * ...), each tagged {@code processorName}. Axon's dimensional set would add the
 * payload type, which leaves a latency gauge per type at the age it had when an event of that type last came in
 * (hours, after a rebuild, for a type that comes rarely). The command bus, event bus and query bus keep Axon's
 * dimensional meters: {@code <component>.allTimer}, its other timers, counters and {@code <component>.capacity},
 * by payload type.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration")
@ConditionalOnClass(GlobalMetricRegistry.class)
public class AxonMetricsConfiguration {

    static final String PROCESSOR_METER_PREFIX = "eventProcessor";
    static final String PROCESSOR_TAG = "processorName";

    /** Replaces Axon's module of the same type, which backs off when one exists; off under the same property. */
    @Bean
    @ConditionalOnProperty(name = "axon.metrics.auto-configuration.enabled", matchIfMissing = true)
    MetricsConfigurerModule metricsConfigurerModule(GlobalMetricRegistry registry) {
        return new MetricsConfigurerModule(registry, true) {
            @Override
            @SuppressWarnings("unchecked") // Axon's registry answers with wildcard monitor types
            public void configureModule(Configurer configurer) {
                configurer.configureMessageMonitor(configuration -> (componentType, componentName) ->
                        (MessageMonitor<Message<?>>) (EventProcessor.class.isAssignableFrom(componentType)
                                ? registry.registerEventProcessor(PROCESSOR_METER_PREFIX,
                                        message -> Tags.of(PROCESSOR_TAG, componentName))
                                : registry.registerComponentWithDefaultTags(componentType, componentName)));
            }
        };
    }
}
