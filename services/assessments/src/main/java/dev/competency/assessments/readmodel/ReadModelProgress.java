package dev.competency.assessments.readmodel;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Read-your-writes over the read models' tracking processor. A command handled by this instance has stored its
 * events when it returns; {@link #await} then waits until the read model has applied the aggregate's last event (its
 * sequence number in the event store), woken by the processor after every committed batch.
 */
public class ReadModelProgress {

    private final ObjectProvider<EventStore> eventStore;
    private final Duration timeout;
    private final Object monitor = new Object();
    private final AtomicLong batches = new AtomicLong();

    public ReadModelProgress(ObjectProvider<EventStore> eventStore, Duration timeout) {
        this.eventStore = eventStore;
        this.timeout = timeout;
    }

    /** Called by the read models' processor after each batch it committed. */
    void advanced() {
        batches.incrementAndGet();
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    /**
     * Waits until a read model shows every event of an aggregate stored so far.
     *
     * @param aggregateId the aggregate a command just changed
     * @param applied     the sequence number of the aggregate's last event the read model applied (-1 for none)
     * @throws ReadModelBehind when the read model has not caught up within the time-out
     */
    public void await(String aggregateId, ToLongFunction<String> applied) {
        long expected = eventStore.getObject().lastSequenceNumberFor(aggregateId).orElse(-1L);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen = batches.get();
            long current = applied.applyAsLong(aggregateId);
            if (current >= expected) {
                return;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new ReadModelBehind(aggregateId, expected, current);
            }
            synchronized (monitor) {
                if (batches.get() == seen) {
                    try {
                        monitor.wait(Math.max(1, Math.min(Duration.ofNanos(remaining).toMillis(), 50)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new ReadModelBehind(aggregateId, expected, current);
                    }
                }
            }
        }
    }
}
