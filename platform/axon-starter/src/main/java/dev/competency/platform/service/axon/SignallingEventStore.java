package dev.competency.platform.service.axon;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, whose streams tell a pooled streaming processor when new events are there. Axon's own
 * streams cannot say so ({@code setOnAvailableCallback} is unsupported), and a pooled processor whose stream ran dry
 * then looks again only after 500 ms: every event waits for that poll, and a backlog is read in pauses. With this
 * store the processor is woken whenever the store's producer thread has read new events from the storage engine
 * ({@link SequencedMongoEventStorageEngine#whenHeadRead}): right after a commit of this instance, and within the
 * producer's fetch delay (1 s) of a commit of another instance.
 *
 * <p>The wake-up comes just before the producer hands the events on, so the first look of a woken stream that finds
 * nothing waits up to {@value #WAKE_WAIT_MILLIS} ms for them.
 *
 * <p>Kept for what it measured against the plain embedded store with {@code platform/bench} (latency at 1,000
 * evidence/s, p50 356–421 ms without it, 31–92 ms with it; {@code docs/benchmarks.md}, 2026-12-07, fourth entry),
 * with the service's processors pooled (the services run tracking processors unless told otherwise):
 * <pre>
 * EVENT_PROCESSOR_MODE=pooled EVENT_PROCESSOR_SEGMENTS=2 EVENT_PROCESSOR_THREADS=2 \
 * MAVEN_OPTS=-Xmx6g mvn -o -B -q -pl platform/bench compile exec:java \
 *   -Dexec.args="--phases throughput,latency,rebuild --learners 4000 --competencies 20 --rate 1000 \
 *   --latency-seconds 30 --warmup-seconds 30 --rebuild-evidence 100000 --service-heap 2g"
 * </pre>
 */
public class SignallingEventStore extends EmbeddedEventStore {

    static final int WAKE_WAIT_MILLIS = 100;

    private final Set<SignallingStream> streams = ConcurrentHashMap.newKeySet();

    /**
     * @param builder the embedded store's settings, with {@code engine} as its storage engine
     * @param engine  the storage engine, which says when the producer read new events
     */
    public SignallingEventStore(Builder builder, SequencedMongoEventStorageEngine engine) {
        super(builder.storageEngine(engine));
        engine.whenHeadRead(() -> streams.forEach(SignallingStream::wake));
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        SignallingStream stream = new SignallingStream(super.openStream(trackingToken));
        streams.add(stream);
        return stream;
    }

    /** One processor's stream: Axon's, plus the wake-up when new events were read. */
    private final class SignallingStream implements TrackingEventStream {

        private final TrackingEventStream delegate;
        private final AtomicBoolean woken = new AtomicBoolean();
        private volatile Runnable onAvailable;

        private SignallingStream(TrackingEventStream delegate) {
            this.delegate = delegate;
        }

        void wake() {
            woken.set(true);
            Runnable callback = onAvailable;
            if (callback != null) {
                callback.run();
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            onAvailable = callback;
            return true;
        }

        /** Whether an event is available now, or, after a wake-up, once the producer has read it. */
        @Override
        public boolean hasNextAvailable() {
            try {
                return delegate.hasNextAvailable(0, TimeUnit.MILLISECONDS)
                        || woken.getAndSet(false)
                        && delegate.hasNextAvailable(WAKE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            streams.remove(this);
            delegate.close();
        }
    }
}
