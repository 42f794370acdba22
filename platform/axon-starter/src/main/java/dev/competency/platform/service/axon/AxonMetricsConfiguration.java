package dev.competency.platform.service.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Axon's metrics. Event processors are measured by monitors that look their meters up once instead of at every event:
 * the two gauges the dashboard reads, {@code eventProcessor.latency} and {@code eventProcessor.capacity}
 * ({@link ProcessorLatencyMonitor}, {@link CapacityMonitor}), and the count of the events each took in,
 * {@code eventProcessor.ingestedCounter}, all tagged with the processor's name; one processor asked for twice, under
 * any of its types, gets the same monitor, so no meter is registered twice. axon-micrometer's set for a processor adds
 * timers and more counters, and builds the tags and looks up each of its meters in the registry, for every event. The
 * command bus, the event store and the other components keep axon-micrometer's monitors: timers
 * ({@code <component>.allTimer}, {@code .successTimer}, ...), counters and {@code <component>.capacity}, by payload
 * type.
 *
 * <p>The processors' monitors are kept instead of axon-micrometer's for a measured gain. Six rounds, each running the
 * same build with these monitors and with axon-micrometer's one after the other: a read-model rebuild of 630,000
 * events at 23,111 against 20,723 events/s (+11.5 %), with 44.9 against 51.8 ms of the service's CPU per 1,000
 * replayed events (-13.4 %), faster in every round. (Those runs also timed the command bus and event store by hand;
 * a rebuild sends no command and stores no event, so that part had no gain to show and went back to the library. The
 * ingested counter, one increment of a counter held, came after them.)
 * Measured with {@code MAVEN_OPTS=-Xmx8g mvn -B -q -pl platform/bench compile exec:java -Dexec.args="--phases
 * throughput,rebuild --learners 200 --competencies 20 --rebuild-evidence 300000 --service-heap 2g --jar <the build's
 * learner-profiles.jar>"}, whose rebuild line gives both (docs/benchmarks.md, 2026-12-07, seventh entry).
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration")
@ConditionalOnClass(GlobalMetricRegistry.class)
public class AxonMetricsConfiguration {

    static final String PROCESSOR_PREFIX = "eventProcessor";

    /** Replaces Axon's module of the same type, which backs off when one exists; off under the same property. */
    @Bean
    @ConditionalOnProperty(name = "axon.metrics.auto-configuration.enabled", matchIfMissing = true)
    MetricsConfigurerModule metricsConfigurerModule(GlobalMetricRegistry registry) {
        Map<String, MessageMonitor<?>> processors = new ConcurrentHashMap<>();
        return new MetricsConfigurerModule(registry, true) {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"}) // Axon's registry answers with wildcard monitor types
            public void configureModule(Configurer configurer) {
                configurer.configureMessageMonitor(configuration -> (componentType, componentName) ->
                        EventProcessor.class.isAssignableFrom(componentType)
                                ? (MessageMonitor) processors.computeIfAbsent(componentName,
                                        name -> processorMonitor(registry.getRegistry(), name))
                                : (MessageMonitor) registry.registerComponentWithDefaultTags(componentType,
                                        componentName));
            }
        };
    }

    static MessageMonitor<EventMessage<?>> processorMonitor(MeterRegistry meterRegistry, String processorName) {
        Tags tags = Tags.of("processorName", processorName);
        Counter ingested = Counter.builder(PROCESSOR_PREFIX + ".ingestedCounter").tags(tags)
                .description("Events the processor took in").register(meterRegistry);
        return new MultiMessageMonitor<>(List.of(
                new ProcessorLatencyMonitor(PROCESSOR_PREFIX, tags, meterRegistry),
                new CapacityMonitor(PROCESSOR_PREFIX, tags, meterRegistry),
                event -> {
                    ingested.increment();
                    return NoOpMessageMonitorCallback.INSTANCE;
                }));
    }
}
