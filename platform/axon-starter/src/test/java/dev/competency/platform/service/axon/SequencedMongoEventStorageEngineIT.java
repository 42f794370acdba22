package dev.competency.platform.service.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Updates;
import dev.competency.platform.test.ScratchDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The global-sequence event storage on the real store (MongoDB, or the embedded server without Docker). */
class SequencedMongoEventStorageEngineIT {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00.123456789Z");

    private final Serializer serializer = new AxonMongoConfiguration().serializer();
    private static final Instant NOW = T0.plusSeconds(3600);
    private ScratchDatabase scratch;
    private MongoDatabase database;
    private SequencedMongoEventStorageEngine engine;
    private final List<SequencedMongoEventStorageEngine> engines = new ArrayList<>();

    @BeforeEach
    void freshStore() {
        scratch = ScratchDatabase.create("event-storage");
        database = scratch.database();
        engine = newEngine();
    }

    @AfterEach
    void dropStore() {
        engines.forEach(SequencedMongoEventStorageEngine::close);
        scratch.close();
    }

    private SequencedMongoEventStorageEngine newEngine() {
        return engineAt(NOW);
    }

    /** An engine on the same store whose clock stands at {@code now}. */
    private SequencedMongoEventStorageEngine engineAt(Instant now) {
        SequencedMongoEventStorageEngine created = new SequencedMongoEventStorageEngine(database, serializer, 3,
                Clock.fixed(now, ZoneOffset.UTC), Duration.ofSeconds(60));
        created.ensureIndexes();
        engines.add(created);
        return created;
    }

    @Test
    void readsAggregateBackInOrderWithPayloadMetaDataAndTimestamp_whenAppended() {
        engine.appendEvents(List.of(event("a", 0, "first"), event("b", 0, "other"), event("a", 1, "second")));
        engine.appendEvents(List.of(event("a", 2, "third"), event("a", 3, "fourth")));

        List<DomainEventMessage<?>> read = engine.readEvents("a").asStream().collect(Collectors.toList());

        assertThat(read).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L, 3L);
        assertThat(payloads(read))
                .containsExactly("first", "second", "third", "fourth");
        assertThat(read.get(0).getMetaData()).containsEntry("traceId", "t-a-0");
        assertThat(read.get(0).getTimestamp()).as("to the millisecond, as Axon keeps it")
                .isEqualTo(T0.truncatedTo(ChronoUnit.MILLIS));
        assertThat(read.get(0).getType()).isEqualTo("Learner");
        assertThat(payloads(engine.readEvents("a", 2).asStream().toList()))
                .containsExactly("third", "fourth");
        assertThat(engine.lastSequenceNumberFor("a")).contains(3L);
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();
    }

    @Test
    void refusesEvent_whenItsSequenceNumberIsTaken() {
        engine.appendEvents(List.of(event("a", 0, "first"), event("a", 1, "second")));

        assertThatThrownBy(() -> engine.appendEvents(List.of(event("b", 0, "other"), event("a", 1, "concurrent"))))
                .isInstanceOf(ConcurrencyException.class).hasMessageContaining("[a]");
        assertThatThrownBy(() -> engine.appendEvents(List.of(event("a", 0, "created twice"))))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(payloads(engine.readEvents("a").asStream().toList())).containsExactly("first", "second");
    }

    @Test
    void keepsTheLatestSnapshot_whenSeveralAreStored() {
        engine.appendEvents(List.of(event("a", 0, "first"), event("a", 1, "second")));
        engine.storeSnapshot(event("a", 0, "state after 0"));
        engine.storeSnapshot(event("a", 1, "state after 1"));

        assertThat(engine.readSnapshot("a")).hasValueSatisfying(snapshot -> {
            assertThat(snapshot.getPayload()).isEqualTo("state after 1");
            assertThat(snapshot.getSequenceNumber()).isEqualTo(1L);
        });
        assertThat(engine.readSnapshot("b")).isEmpty();
    }

    @Test
    void tracksEveryEventInStoreOrder_whenReadingFromTailToHead() {
        engine.appendEvents(List.of(event("a", 0, "1"), event("b", 0, "2")));
        engine.appendEvents(List.of(event("a", 1, "3"), event("c", 0, "4"), event("b", 1, "5")));
        engine.appendEvents(List.of(GenericEventMessage.asEventMessage("not an aggregate's")));

        List<? extends TrackedEventMessage<?>> all = engine.readEvents(engine.createTailToken(), false).toList();

        assertThat(payloads(all))
                .containsExactly("1", "2", "3", "4", "5", "not an aggregate's");
        assertThat(all).extracting(event -> event.trackingToken().position().getAsLong())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(engine.createHeadToken()).isEqualTo(all.get(5).trackingToken());
        List<? extends TrackedEventMessage<?>> rest = engine.readEvents(all.get(2).trackingToken(), false).toList();
        assertThat(payloads(rest))
                .containsExactly("4", "5", "not an aggregate's");
    }

    @Test
    void readsTheNextBatchAhead_whenTheReaderIsStillOnThisOne() {
        for (int i = 0; i < 7; i++) {
            engine.appendEvents(List.of(event("a", i, "e" + i)));
        }
        CountingEngine reader = new CountingEngine();

        Iterator<? extends TrackedEventMessage<?>> stream = reader.readEvents(reader.createTailToken(), false)
                .iterator();
        assertThat(stream.next().getPayload()).isEqualTo("e0");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(reader.fetches)
                .as("the second batch, read while the first is handled").hasValue(2));
        List<Object> rest = new ArrayList<>();
        stream.forEachRemaining(event -> rest.add(event.getPayload()));

        assertThat(rest).containsExactly("e1", "e2", "e3", "e4", "e5", "e6");
        // 3 and 3 (full: the next read ahead), 1 (not full: none ahead), then the empty read that ends the stream.
        assertThat(reader.fetches).hasValue(4);
    }

    @Test
    void failsTheReader_whenItReachesABatchWhoseReadAheadFailed() {
        for (int i = 0; i < 7; i++) {
            engine.appendEvents(List.of(event("a", i, "e" + i)));
        }
        CountingEngine reader = new CountingEngine();
        reader.failingFetch = 2;

        Iterator<? extends TrackedEventMessage<?>> stream = reader.readEvents(reader.createTailToken(), false)
                .iterator();
        List<Object> read = new ArrayList<>(List.of(stream.next().getPayload(), stream.next().getPayload(),
                stream.next().getPayload()));

        assertThat(read).containsExactly("e0", "e1", "e2");
        assertThatThrownBy(stream::hasNext).isInstanceOf(MongoException.class).hasMessage("store unreachable");
    }

    /** An engine on the test's store that counts its tracking reads and can be made to fail one of them. */
    private final class CountingEngine extends SequencedMongoEventStorageEngine {

        final AtomicInteger fetches = new AtomicInteger();
        volatile int failingFetch = -1;

        CountingEngine() {
            super(database, serializer, 3, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60));
            engines.add(this);
        }

        @Override
        protected List<? extends TrackedDomainEventData<?>> fetchTrackedEvents(TrackingToken lastToken,
                int batchSize) {
            if (fetches.incrementAndGet() == failingFetch) {
                throw new MongoException("store unreachable");
            }
            return super.fetchTrackedEvents(lastToken, batchSize);
        }
    }

    @Test
    void stopsItsReadAheadThreads_whenClosed() {
        for (int i = 0; i < 7; i++) {
            engine.appendEvents(List.of(event("a", i, "e" + i)));
        }
        Iterator<? extends TrackedEventMessage<?>> stream = engine.readEvents(engine.createTailToken(), false)
                .iterator();
        assertThat(stream.next().getPayload()).isEqualTo("e0");
        assertThat(readAheadThreads()).as("the second batch is being read ahead").isNotEmpty();

        engine.close();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(readAheadThreads()).isEmpty());
    }

    /** The live threads that read ahead for this test's store. */
    private List<Thread> readAheadThreads() {
        String name = "event-store-read-ahead-" + database.getName();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().equals(name)).toList();
    }

    @Test
    void readsEventOnTheNextFetch_whenItIsStoredLateUnderALowerNumber() {
        engine.appendEvents(List.of(event("a", 0, "first")));
        // Another writer took number 1 and has not inserted yet; this one takes 2 and inserts.
        long taken = takeNumber();
        engine.appendEvents(List.of(event("b", 0, "after the gap")));

        List<? extends TrackedEventMessage<?>> firstRead = engine.readEvents(engine.createTailToken(), false)
                .toList();
        TrackingToken afterFirstRead = firstRead.get(firstRead.size() - 1).trackingToken();
        assertThat(payloads(firstRead)).containsExactly("first", "after the gap");
        assertThat(((GapAwareTrackingToken) afterFirstRead).getGaps()).containsExactly(taken);

        insertAt(taken, event("c", 0, "late"));
        List<? extends TrackedEventMessage<?>> secondRead = engine.readEvents(afterFirstRead, false).toList();

        assertThat(payloads(secondRead)).containsExactly("late");
        assertThat(((GapAwareTrackingToken) secondRead.get(0).trackingToken()).hasGaps()).isFalse();
        assertThat(secondRead.get(0).trackingToken().position()).hasValue(2L);
    }

    @Test
    void seesEveryEventOnceFollowingTheStore_whenWritersAppendConcurrently() throws Exception {
        int writers = 3;
        int appendsPerWriter = 200;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> writing = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String aggregate = "writer-" + w;
            writing.add(pool.submit(() -> {
                long sequence = 0;
                for (int i = 0; i < appendsPerWriter; i++) {
                    List<DomainEventMessage<?>> batch = new ArrayList<>();
                    for (int k = 0; k <= i % 3; k++) {
                        batch.add(event(aggregate, sequence, aggregate + "/" + sequence));
                        sequence++;
                    }
                    engine.appendEvents(batch);
                }
                return sequence;
            }));
        }
        List<Object> seen = new ArrayList<>();
        TrackingToken token = null;
        long expected = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try {
            while ((!writing.stream().allMatch(Future::isDone) || seen.size() < expected)
                    && System.nanoTime() < deadline) {
                List<? extends TrackedEventMessage<?>> read = engine.readEvents(token, false).toList();
                if (!read.isEmpty()) {
                    seen.addAll(payloads(read));
                    token = last(read);
                }
                if (writing.stream().allMatch(Future::isDone) && expected == 0) {
                    for (Future<?> writer : writing) {
                        expected += (Long) writer.get();
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(seen).hasSize((int) expected).doesNotHaveDuplicates();
        assertThat(((GapAwareTrackingToken) token).hasGaps()).isFalse();
    }

    @Test
    void givesUpAGap_whenAnEventAboveItWasAppendedLongerAgoThanTheTimeout() {
        engine.appendEvents(List.of(event("a", 0, "first")));
        takeNumber(); // a writer that failed after taking its number
        engine.appendEvents(List.of(event("b", 0, "after the gap")));
        TrackingToken withGap = last(engine.readEvents(engine.createTailToken(), false).toList());
        assertThat(((GapAwareTrackingToken) withGap).hasGaps()).isTrue();

        SequencedMongoEventStorageEngine thirtySecondsLater = engineAt(NOW.plusSeconds(30));
        thirtySecondsLater.appendEvents(List.of(event("c", 0, "within the timeout")));
        TrackingToken stillWaiting = last(thirtySecondsLater.readEvents(withGap, false).toList());
        assertThat(((GapAwareTrackingToken) stillWaiting).hasGaps()).as("30 s after").isTrue();

        SequencedMongoEventStorageEngine sixtyOneSecondsLater = engineAt(NOW.plusSeconds(61));
        sixtyOneSecondsLater.appendEvents(List.of(event("d", 0, "after the timeout")));
        List<? extends TrackedEventMessage<?>> read = sixtyOneSecondsLater.readEvents(withGap, false).toList();
        assertThat(payloads(read))
                .containsExactly("within the timeout", "after the timeout");
        assertThat(((GapAwareTrackingToken) last(read)).hasGaps()).as("61 s after").isFalse();
    }

    @Test
    void startsTokenAtInstantFromLowestNumberAppliedThen_whenNumbersDoNotFollowTime() {
        // Stored first, applied last: a unit of work that committed before one that applied its events earlier.
        engine.appendEvents(List.of(new GenericDomainEventMessage<>("Learner", "a", 0, "applied late",
                MetaData.emptyInstance(), UUID.randomUUID().toString(), T0.plusSeconds(60))));
        engine.appendEvents(List.of(event("b", 0, "applied early")));

        assertThat(payloads(engine.readEvents(engine.createTokenAt(T0), false).toList()))
                .containsExactly("applied late", "applied early");
        assertThat(payloads(engine.readEvents(engine.createTokenAt(T0.plusSeconds(30)), false).toList()))
                .containsExactly("applied late", "applied early");
        assertThat(engine.readEvents(engine.createTokenAt(T0.plusSeconds(90)), false).toList()).isEmpty();
    }

    @Test
    void readsFirstNumberAsAGapAtTheTail_whenItsWriterIsStillInserting() {
        long taken = takeNumber();
        engine.appendEvents(List.of(event("b", 0, "numbered 1")));

        List<? extends TrackedEventMessage<?>> read = engine.readEvents(engine.createTailToken(), false).toList();
        assertThat(payloads(read)).containsExactly("numbered 1");
        assertThat(((GapAwareTrackingToken) last(read)).getGaps()).containsExactly(taken);
    }

    @Test
    void refusesToken_whenItIsOfAnotherKind() {
        engine.appendEvents(List.of(event("a", 0, "first")));
        TrackingToken foreign = new GlobalSequenceTrackingToken(0);

        assertThatThrownBy(() -> engine.readEvents(foreign, false).toList())
                .isInstanceOfAny(IllegalArgumentException.class, EventStoreException.class)
                .hasStackTraceContaining("GlobalSequenceTrackingToken");
    }

    private static List<Object> payloads(List<? extends EventMessage<?>> events) {
        return events.stream().map(event -> (Object) event.getPayload()).toList();
    }

    /** Takes the next number as a writer would, without inserting anything under it. */
    private long takeNumber() {
        Document before = database.getCollection("counters").findOneAndUpdate(
                Filters.eq("_id", "domainevents"), Updates.inc("next", 1L), new FindOneAndUpdateOptions().upsert(true));
        return before == null ? 0 : before.getLong("next");
    }

    /** Inserts an event under a number taken earlier, as the writer that took it would. */
    private void insertAt(long number, DomainEventMessage<?> event) {
        SequencedMongoEventStorageEngine other = newEngine();
        other.appendEvents(List.of(event));
        database.getCollection("domainevents").updateOne(Filters.eq("eventIdentifier", event.getIdentifier()),
                Updates.set("globalIndex", number));
    }

    private static TrackingToken last(List<? extends TrackedEventMessage<?>> read) {
        return read.get(read.size() - 1).trackingToken();
    }

    private static DomainEventMessage<String> event(String aggregate, long sequence, String payload) {
        return new GenericDomainEventMessage<>("Learner", aggregate, sequence, payload,
                MetaData.with("traceId", "t-" + aggregate + "-" + sequence), UUID.randomUUID().toString(), T0);
    }
}
