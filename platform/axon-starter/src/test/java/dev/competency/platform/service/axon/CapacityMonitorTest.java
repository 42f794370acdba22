package dev.competency.platform.service.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.junit.jupiter.api.Test;

/** The capacity gauge: handling time over the last ten minutes, per processor, with old time leaving the window. */
class CapacityMonitorTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);

    @Test
    void sharesTheWindowSpentHandling_andForgetsWhatLeftIt_whenTimePasses() {
        CapacityMonitor readModels = new CapacityMonitor("eventProcessor",
                Tags.of("processorName", "read-models"), registry);
        new CapacityMonitor("eventProcessor", Tags.of("processorName", "publisher"), registry);

        handle(readModels, 30, "success");
        clock.add(5, TimeUnit.MINUTES);
        handle(readModels, 60, "failure");
        handle(readModels, 30, "ignored");

        assertThat(registry.find("eventProcessor.capacity").gauges()).hasSize(2);
        assertThat(capacity("read-models")).isCloseTo(120.0 / 600, within(1e-9));
        assertThat(capacity("publisher")).isZero();
        // The first 30 s of handling ended more than ten minutes ago; the other 90 s not yet.
        clock.add(6, TimeUnit.MINUTES);
        assertThat(capacity("read-models")).isCloseTo(90.0 / 600, within(1e-9));
        clock.add(10, TimeUnit.MINUTES);
        assertThat(capacity("read-models")).isZero();
    }

    private void handle(CapacityMonitor monitor, int seconds, String outcome) {
        MonitorCallback callback = monitor.onMessageIngested(new GenericEventMessage<>("payload"));
        clock.add(seconds, TimeUnit.SECONDS);
        switch (outcome) {
            case "success" -> callback.reportSuccess();
            case "failure" -> callback.reportFailure(new IllegalStateException("handler failed"));
            default -> callback.reportIgnored();
        }
    }

    private double capacity(String processor) {
        return registry.get("eventProcessor.capacity").tag("processorName", processor).gauge().value();
    }
}
