package dev.competency.platform.service.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.junit.jupiter.api.Test;

/** The handling timer: one timer per payload type and outcome, registered the first time the type is seen. */
class HandlingTimerMonitorTest {

    record RecordEvidence(String learnerId) {
    }

    record VoidEvidence(String learnerId) {
    }

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final HandlingTimerMonitor monitor = new HandlingTimerMonitor("commandBus", registry);

    @Test
    void timesEachMessageUnderItsPayloadTypeAndOutcome_whenMessagesAreHandled() {
        handle(new RecordEvidence("ada"), 20).reportSuccess();
        handle(new RecordEvidence("ada"), 40).reportSuccess();
        handle(new RecordEvidence("bob"), 5).reportFailure(new IllegalStateException("refused"));
        handle(new VoidEvidence("ada"), 1).reportIgnored();

        Timer recorded = timer("RecordEvidence", "success");
        assertThat(recorded.count()).isEqualTo(2);
        assertThat(recorded.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(60.0);
        assertThat(timer("RecordEvidence", "failure").count()).isEqualTo(1);
        assertThat(timer("RecordEvidence", "failure").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(5.0);
        assertThat(timer("RecordEvidence", "ignored").count()).isZero();
        assertThat(timer("VoidEvidence", "ignored").count()).isEqualTo(1);
        assertThat(timer("VoidEvidence", "success").count()).isZero();
    }

    @Test
    void registersThreeTimersPerPayloadTypeOnce_whenManyMessagesOfItArrive() {
        for (int i = 0; i < 1_000; i++) {
            handle(new RecordEvidence("learner-" + i), 1).reportSuccess();
        }
        handle(new VoidEvidence("ada"), 1).reportSuccess();

        assertThat(registry.find("commandBus.handling").timers()).hasSize(6);
        assertThat(timer("RecordEvidence", "success").count()).isEqualTo(1_000);
    }

    private MonitorCallback handle(Object payload, int millis) {
        MonitorCallback callback = monitor.onMessageIngested(new GenericCommandMessage<>(payload));
        clock.add(millis, TimeUnit.MILLISECONDS);
        return callback;
    }

    private Timer timer(String payloadType, String outcome) {
        return registry.get("commandBus.handling").tag("payloadType", payloadType).tag("outcome", outcome).timer();
    }
}
