package dev.competency.platform.service.axon;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;

/**
 * How far behind an event processor is: the age, in milliseconds, of the last event it took in, as a gauge named
 * {@code <prefix>.latency} with the given tags, registered once. Axon's monitor of the same name registers its gauge
 * again for every event: a registry lookup per event, and a warning from Micrometer at the first repeat.
 */
final class ProcessorLatencyMonitor implements MessageMonitor<EventMessage<?>> {

    private final AtomicLong ageMillis = new AtomicLong();
    private final Clock clock;

    ProcessorLatencyMonitor(String meterNamePrefix, Tags tags, MeterRegistry registry) {
        this.clock = registry.config().clock();
        Gauge.builder(meterNamePrefix + ".latency", ageMillis, AtomicLong::get).tags(tags).strongReference(true)
                .description("Age, in milliseconds, of the last event the processor took in").register(registry);
    }

    @Override
    public MonitorCallback onMessageIngested(EventMessage<?> message) {
        if (message != null) {
            ageMillis.set(clock.wallTime() - message.getTimestamp().toEpochMilli());
        }
        return NoOpMessageMonitorCallback.INSTANCE;
    }
}
