package dev.competency.platform.service.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Axon's metrics, measured by monitors that look their meters up once instead of at every message.
 *
 * <ul>
 *   <li>Event processors: the two gauges the dashboard reads, {@code eventProcessor.latency} and
 *       {@code eventProcessor.capacity}, tagged with the processor's name ({@link ProcessorLatencyMonitor},
 *       {@link CapacityMonitor}). axon-micrometer's set adds a timer and counters, and builds the tags and looks up
 *       each of its meters in the registry, for every event.</li>
 *   <li>The command bus, the event store and every other component: a timer per payload type and outcome,
 *       {@code <component>.handling} ({@link HandlingTimerMonitor}), and {@code <component>.capacity}. Axon's set
 *       looks up nine meters per message and registers its capacity gauge again each time.</li>
 * </ul>
 *
 * A processor or component asked for twice, under any of its types, gets the same monitor, so no gauge is registered
 * twice.
 *
 * <p>Kept instead of axon-micrometer's monitors for a measured gain. Six rounds, each running the same build with these
 * monitors and with axon-micrometer's one after the other: a read-model rebuild of 630,000 events at 23,111 against
 * 20,723 events/s (+11.5 %), with 44.9 against 51.8 ms of the service's CPU per 1,000 replayed events (-13.4 %),
 * faster in every round. Measured with {@code MAVEN_OPTS=-Xmx8g mvn -B -q -pl platform/bench compile exec:java
 * -Dexec.args="--phases throughput,rebuild --learners 200 --competencies 20 --rebuild-evidence 300000
 * --service-heap 2g --jar <the build's learner-profiles.jar>"}, whose rebuild line gives both (docs/benchmarks.md,
 * 2026-12-07, seventh entry).
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration")
@ConditionalOnClass(GlobalMetricRegistry.class)
public class AxonMetricsConfiguration {

    static final String PROCESSOR_PREFIX = "eventProcessor";

    /** Replaces Axon's module of the same type, which backs off when one exists; off under the same property. */
    @Bean
    @ConditionalOnProperty(name = "axon.metrics.auto-configuration.enabled", matchIfMissing = true)
    MetricsConfigurerModule metricsConfigurerModule(GlobalMetricRegistry registry) {
        // Keyed as their meters are named, so that no meter is registered by two monitors.
        Map<String, MessageMonitor<?>> processors = new ConcurrentHashMap<>();
        Map<String, MessageMonitor<?>> components = new ConcurrentHashMap<>();
        return new MetricsConfigurerModule(registry, true) {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"}) // Axon's registry answers with wildcard monitor types
            public void configureModule(Configurer configurer) {
                configurer.configureMessageMonitor(configuration -> (componentType, componentName) ->
                        EventProcessor.class.isAssignableFrom(componentType)
                                ? (MessageMonitor) processors.computeIfAbsent(componentName,
                                        name -> processorMonitor(registry.getRegistry(), name))
                                : (MessageMonitor) components.computeIfAbsent(componentName,
                                        name -> componentMonitor(registry.getRegistry(), name)));
            }
        };
    }

    static MessageMonitor<EventMessage<?>> processorMonitor(MeterRegistry meterRegistry, String processorName) {
        Tags tags = Tags.of("processorName", processorName);
        return new MultiMessageMonitor<>(List.of(
                new ProcessorLatencyMonitor(PROCESSOR_PREFIX, tags, meterRegistry),
                new CapacityMonitor(PROCESSOR_PREFIX, tags, meterRegistry)));
    }

    static MessageMonitor<Message<?>> componentMonitor(MeterRegistry meterRegistry, String componentName) {
        return new MultiMessageMonitor<>(List.of(
                new HandlingTimerMonitor(componentName, meterRegistry),
                new CapacityMonitor(componentName, Tags.empty(), meterRegistry)));
    }
}
