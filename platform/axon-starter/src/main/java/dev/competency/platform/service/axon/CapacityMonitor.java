package dev.competency.platform.service.axon;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Arrays;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * The share of the last ten minutes an event processor spent handling events, as a gauge named
 * {@code <prefix>.capacity}, registered once: the time from taking each message in to its outcome,
 * summed over the window and divided by it. 1 is one thread busy all along; the events of one batch each count the
 * batch's time, as with Axon's monitor of the same name. Axon's monitor registers its gauge again for every message
 * and keeps every message's measurement for the whole window (millions in a rebuild); this one keeps a sum per
 * second.
 */
final class CapacityMonitor implements MessageMonitor<Message<?>> {

    static final Duration WINDOW = Duration.ofMinutes(10);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int SECONDS = (int) WINDOW.toSeconds();

    /** The second each slot sums, and its sum; a slot is reused when its second has left the window. */
    private final long[] slotSecond = new long[SECONDS];
    private final long[] slotNanos = new long[SECONDS];
    private final Clock clock;

    CapacityMonitor(String meterNamePrefix, Tags tags, MeterRegistry registry) {
        this.clock = registry.config().clock();
        Arrays.fill(slotSecond, Long.MIN_VALUE);
        Gauge.builder(meterNamePrefix + ".capacity", this, CapacityMonitor::capacity).tags(tags)
                .strongReference(true)
                .description("Share of the last 10 minutes spent handling messages").register(registry);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                handled(start);
            }

            @Override
            public void reportFailure(Throwable cause) {
                handled(start);
            }

            @Override
            public void reportIgnored() {
                handled(start);
            }
        };
    }

    private synchronized void handled(long start) {
        long now = clock.monotonicTime();
        long second = Math.floorDiv(now, NANOS_PER_SECOND);
        int slot = (int) Math.floorMod(second, (long) SECONDS);
        if (slotSecond[slot] != second) {
            slotSecond[slot] = second;
            slotNanos[slot] = 0;
        }
        slotNanos[slot] += now - start;
    }

    synchronized double capacity() {
        long oldestCounted = Math.floorDiv(clock.monotonicTime(), NANOS_PER_SECOND) - SECONDS;
        long busy = 0;
        for (int slot = 0; slot < SECONDS; slot++) {
            if (slotSecond[slot] > oldestCounted) {
                busy += slotNanos[slot];
            }
        }
        return (double) busy / WINDOW.toNanos();
    }
}
