package dev.competency.platform.service.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

/** The latency gauge: one per processor, reading the age of the last event taken in. */
class ProcessorLatencyMonitorTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);

    @Test
    void readsTheAgeOfTheLastEventTakenIn_fromOneGaugePerProcessor_whenEventsArrive() {
        ProcessorLatencyMonitor readModels = new ProcessorLatencyMonitor("eventProcessor",
                Tags.of("processorName", "read-models"), registry);
        ProcessorLatencyMonitor publisher = new ProcessorLatencyMonitor("eventProcessor",
                Tags.of("processorName", "publisher"), registry);
        clock.add(10, TimeUnit.SECONDS);
        Instant now = Instant.ofEpochMilli(clock.wallTime());

        readModels.onMessageIngested(eventAt(now.minusMillis(2_500)));
        readModels.onMessageIngested(eventAt(now.minusMillis(40)));
        publisher.onMessageIngested(eventAt(now.minusMillis(900)));

        assertThat(registry.find("eventProcessor.latency").gauges()).hasSize(2);
        assertThat(gauge("read-models").value()).isEqualTo(40);
        assertThat(gauge("publisher").value()).isEqualTo(900);
        clock.add(1, TimeUnit.SECONDS);
        publisher.onMessageIngested(eventAt(now));
        assertThat(gauge("publisher").value()).isEqualTo(1_000);
    }

    private Gauge gauge(String processor) {
        return registry.get("eventProcessor.latency").tag("processorName", processor).gauge();
    }

    private static GenericEventMessage<String> eventAt(Instant timestamp) {
        return new GenericEventMessage<>(new GenericEventMessage<>("payload"), () -> timestamp);
    }
}
