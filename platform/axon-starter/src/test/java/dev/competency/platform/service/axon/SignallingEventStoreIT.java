package dev.competency.platform.service.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.competency.platform.test.TestInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event store's streams wake their processor when new events are stored, on the real store. */
class SignallingEventStoreIT {

    private static MongoClient client;
    private MongoDatabase database;
    private final List<SignallingEventStore> stores = new ArrayList<>();
    private final List<SequencedMongoEventStorageEngine> engines = new ArrayList<>();
    private final List<TrackingEventStream> streams = new ArrayList<>();
    private final AtomicInteger learners = new AtomicInteger();

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.endpoints().mongoConnectionString());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void freshDatabase() {
        database = client.getDatabase("signalling-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void dropDatabase() {
        streams.forEach(TrackingEventStream::close);
        stores.forEach(EmbeddedEventStore::shutDown);
        engines.forEach(SequencedMongoEventStorageEngine::close);
        database.drop();
    }

    @Test
    void wakesStreamWithTheEventsReadable_whenThisInstanceCommits() {
        SignallingEventStore store = newStore();
        publish(store);
        TrackingEventStream stream = openFromStart(store);
        drain(stream);
        AtomicInteger wakes = new AtomicInteger();
        assertThat(stream.setOnAvailableCallback(wakes::incrementAndGet)).as("supported").isTrue();

        publish(store);

        await().atMost(Duration.ofSeconds(5)).until(() -> wakes.get() > 0);
        assertThat(stream.hasNextAvailable()).as("readable at the first look after the wake-up").isTrue();
        assertThat(drain(stream)).isEqualTo(1);
    }

    @Test
    void wakesStream_whenAnotherInstanceStoresEvents() {
        SignallingEventStore here = newStore();
        SignallingEventStore elsewhere = newStore();
        publish(here);
        TrackingEventStream stream = openFromStart(here);
        drain(stream);
        AtomicInteger wakes = new AtomicInteger();
        stream.setOnAvailableCallback(wakes::incrementAndGet);

        publish(elsewhere);

        await().atMost(Duration.ofSeconds(10)).until(() -> wakes.get() > 0);
        await().atMost(Duration.ofSeconds(5)).until(stream::hasNextAvailable);
        assertThat(drain(stream)).isEqualTo(1);
    }

    @Test
    void stopsWaking_whenStreamIsClosed() {
        SignallingEventStore store = newStore();
        publish(store);
        TrackingEventStream closed = openFromStart(store);
        drain(closed);
        AtomicInteger closedWakes = new AtomicInteger();
        closed.setOnAvailableCallback(closedWakes::incrementAndGet);
        TrackingEventStream open = openFromStart(store);
        drain(open);
        AtomicInteger openWakes = new AtomicInteger();
        open.setOnAvailableCallback(openWakes::incrementAndGet);

        closed.close();
        publish(store);

        await().atMost(Duration.ofSeconds(5)).until(() -> openWakes.get() > 0);
        assertThat(closedWakes).hasValue(0);
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

    private TrackingEventStream openFromStart(SignallingEventStore store) {
        TrackingEventStream stream = store.openStream(null);
        streams.add(stream);
        return stream;
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
