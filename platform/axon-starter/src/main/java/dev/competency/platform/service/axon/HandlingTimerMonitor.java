package dev.competency.platform.service.axon;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * How long a component (the command bus, the event store) took over each message, as a timer named
 * {@code <prefix>.handling} tagged with the payload type and the outcome ({@code success}, {@code failure},
 * {@code ignored}); its count is the number of messages. The three timers of a payload type are looked up once, the
 * first time it is seen. Axon's own set looks up five counters and four timers in the registry for every message,
 * keeps client-side percentiles in each timer and registers its capacity gauge again each time.
 */
final class HandlingTimerMonitor implements MessageMonitor<Message<?>> {

    enum Outcome {
        SUCCESS, FAILURE, IGNORED;

        final String tag = name().toLowerCase(Locale.ROOT);
    }

    private final String name;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<Class<?>, Timer[]> timers = new ConcurrentHashMap<>();

    HandlingTimerMonitor(String meterNamePrefix, MeterRegistry registry) {
        this.name = meterNamePrefix + ".handling";
        this.registry = registry;
        this.clock = registry.config().clock();
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Timer[] byOutcome = timers.computeIfAbsent(message == null ? Void.class : message.getPayloadType(),
                this::register);
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                record(byOutcome, Outcome.SUCCESS, start);
            }

            @Override
            public void reportFailure(Throwable cause) {
                record(byOutcome, Outcome.FAILURE, start);
            }

            @Override
            public void reportIgnored() {
                record(byOutcome, Outcome.IGNORED, start);
            }
        };
    }

    private void record(Timer[] byOutcome, Outcome outcome, long start) {
        byOutcome[outcome.ordinal()].record(clock.monotonicTime() - start, TimeUnit.NANOSECONDS);
    }

    private Timer[] register(Class<?> payloadType) {
        Outcome[] outcomes = Outcome.values();
        Timer[] byOutcome = new Timer[outcomes.length];
        for (Outcome outcome : outcomes) {
            byOutcome[outcome.ordinal()] = Timer.builder(name)
                    .tag("payloadType", payloadType.getSimpleName())
                    .tag("outcome", outcome.tag)
                    .description("Time taken over each message, from taking it in to its outcome")
                    .register(registry);
        }
        return byOutcome;
    }
}
