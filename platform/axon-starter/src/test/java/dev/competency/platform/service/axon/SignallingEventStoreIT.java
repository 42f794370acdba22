package dev.competency.platform.service.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import dev.competency.platform.test.ScratchDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event store's streams wake their processor when new events are stored, on the real store. */
class SignallingEventStoreIT {

    private ScratchDatabase scratch;
    private MongoDatabase database;
    private final List<SignallingEventStore> stores = new ArrayList<>();
    private final List<SequencedMongoEventStorageEngine> engines = new ArrayList<>();
    private final List<TrackingEventStream> streams = new ArrayList<>();
    private final AtomicInteger learners = new AtomicInteger();

    @BeforeEach
    void freshDatabase() {
        scratch = ScratchDatabase.create("signalling");
        database = scratch.database();
    }

    @AfterEach
    void dropDatabase() {
        streams.forEach(TrackingEventStream::close);
        stores.forEach(EmbeddedEventStore::shutDown);
        engines.forEach(SequencedMongoEventStorageEngine::close);
        scratch.close();
    }

    @Test
    void wakesStreamWithTheEventsReadable_whenThisInstanceCommits() {
        SignallingEventStore store = newStore();
        publish(store);
        Watched watched = watchFromTheHead(store);

        publish(store);

        await().atMost(Duration.ofSeconds(5)).until(() -> watched.wakes().get() > 0);
        assertThat(watched.stream().hasNextAvailable()).as("readable at the first look after the wake-up").isTrue();
        assertThat(drain(watched.stream())).isEqualTo(1);
    }

    @Test
    void wakesStream_whenAnotherInstanceStoresEvents() {
        SignallingEventStore here = newStore();
        SignallingEventStore elsewhere = newStore();
        publish(here);
        Watched watched = watchFromTheHead(here);

        publish(elsewhere);

        await().atMost(Duration.ofSeconds(10)).until(() -> watched.wakes().get() > 0);
        await().atMost(Duration.ofSeconds(5)).until(watched.stream()::hasNextAvailable);
        assertThat(drain(watched.stream())).isEqualTo(1);
    }

    @Test
    void stopsWaking_whenStreamIsClosed() {
        SignallingEventStore store = newStore();
        publish(store);
        Watched closed = watchFromTheHead(store);
        Watched open = watchFromTheHead(store);

        closed.stream().close();
        publish(store);

        await().atMost(Duration.ofSeconds(5)).until(() -> open.wakes().get() > 0);
        assertThat(closed.wakes()).hasValue(0);
    }

    /** A stream and how often it was woken. */
    private record Watched(TrackingEventStream stream, AtomicInteger wakes) {
    }

    /** Opens a stream, reads what is stored, then counts the wake-ups (and asserts the store supports them). */
    private Watched watchFromTheHead(SignallingEventStore store) {
        TrackingEventStream stream = store.openStream(null);
        streams.add(stream);
        drain(stream);
        AtomicInteger wakes = new AtomicInteger();
        assertThat(stream.setOnAvailableCallback(wakes::incrementAndGet)).as("wake-ups supported").isTrue();
        return new Watched(stream, wakes);
    }

    private SignallingEventStore newStore() {
        SequencedMongoEventStorageEngine engine = new SequencedMongoEventStorageEngine(database,
                new AxonMongoConfiguration().serializer(), 100, Clock.systemUTC(), Duration.ofSeconds(60));
        engine.ensureIndexes();
        engines.add(engine);
        SignallingEventStore store = new SignallingEventStore(EmbeddedEventStore.builder(), engine);
        stores.add(store);
        return store;
    }

    /** Publishes one event of a new learner in a unit of work, as a command handler does. */
    private void publish(SignallingEventStore store) {
        String learner = "learner-" + learners.incrementAndGet();
        DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(
                new GenericDomainEventMessage<>("Learner", learner, 0, "registered " + learner)));
    }

    /** Reads what the stream has now, waiting a little for the first event; returns how many it read. */
    private static int drain(TrackingEventStream stream) {
        int read = 0;
        try {
            while (stream.hasNextAvailable(read == 0 ? 2000 : 200, TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> ignored = stream.nextAvailable();
                read++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return read;
    }
}
