package dev.competency.learners.learner.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.DeleteManyModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import dev.competency.platform.test.ScratchDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes of a batch reach the store once its last event is handled, in order, newest per key, before the processor
 * stores its token; a failure fails the batch. A pooled processor's segment hands them to the write-behind thread and
 * stores its token behind them.
 */
class ReadModelWritesIT {

    private final WriteBehind writeBehind = new WriteBehind("read-model-writes");
    private final ReadModelWrites writes = new ReadModelWrites(writeBehind);
    private ScratchDatabase scratch;
    private MongoDatabase database;
    private MongoCollection<Document> collection;
    private Configuration axon;

    @BeforeEach
    void connect() {
        scratch = ScratchDatabase.create("read-model-writes");
        database = scratch.database();
        collection = database.getCollection("entries");
    }

    @AfterEach
    void drop() throws InterruptedException {
        if (axon != null) {
            axon.shutdown();
        }
        writeBehind.close();
        scratch.close();
    }

    @Test
    void sendsABatchInOrder_whenItsLastEventIsHandled() throws Exception {
        List<Long> storedBeforeEachEvent = new ArrayList<>();
        BatchingUnitOfWork<EventMessage<?>> batch = batchOf("a", "b", "c");
        batch.executeWithResult(() -> {
            storedBeforeEachEvent.add(collection.countDocuments());
            String id = (String) batch.getMessage().getPayload();
            writes.inOrder(collection, new InsertOneModel<>(new Document("_id", id).append("state", "new")));
            if (id.equals("c")) {
                // A later write in the same batch applies after the earlier ones.
                writes.inOrder(collection, new DeleteManyModel<>(Filters.eq("_id", "a")));
            }
            writes.afterEvent(batch);
            return null;
        });
        assertThat(storedBeforeEachEvent).containsExactly(0L, 0L, 0L);
        assertThat(collection.find().map(d -> d.getString("_id")).into(new ArrayList<>()))
                .containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void sendsOnlyTheNewestReplacementPerKey_whenSeveralAreGuarded_andRefusesAnOlderOneQuietly() throws Exception {
        collection.insertOne(new Document("_id", "stored").append("sequence", 10L));
        BatchingUnitOfWork<EventMessage<?>> batch = batchOf(1L, 3L, 2L, 5L);
        batch.executeWithResult(() -> {
            long sequence = (Long) batch.getMessage().getPayload();
            writes.newest(collection, "k", sequence, guarded("k", sequence));
            writes.newest(collection, "stored", sequence, guarded("stored", sequence));
            if (sequence == 2L) {
                writes.newest(collection, "gone", sequence, guarded("gone", sequence));
                writes.discardNewest(collection, key -> key.equals("gone"));
            }
            writes.afterEvent(batch);
            return null;
        });
        assertThat(collection.find(Filters.eq("_id", "k")).first().getLong("sequence")).isEqualTo(5L);
        assertThat(collection.find(Filters.eq("_id", "stored")).first().getLong("sequence")).isEqualTo(10L);
        assertThat(collection.countDocuments(Filters.eq("_id", "gone"))).isZero();
    }

    @Test
    void failsTheBatch_whenItsWritesFail_andGoesThroughWhenHandledAgain() throws Exception {
        collection.insertOne(new Document("_id", "taken"));
        BatchingUnitOfWork<EventMessage<?>> failing = batchOf("taken", "after-it");
        ResultMessage<?> result = failing.executeWithResult(() -> {
            String id = (String) failing.getMessage().getPayload();
            writes.inOrder(collection, new InsertOneModel<>(new Document("_id", id)));
            writes.afterEvent(failing);
            return null;
        });

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(MongoBulkWriteException.class);
        // An ordered bulk write stops at its first refusal.
        assertThat(collection.find().map(d -> d.getString("_id")).into(new ArrayList<>())).containsExactly("taken");

        collection.deleteOne(Filters.eq("_id", "taken"));
        BatchingUnitOfWork<EventMessage<?>> again = batchOf("taken", "after-it");
        assertThat(again.executeWithResult(() -> {
            String id = (String) again.getMessage().getPayload();
            writes.inOrder(collection, new InsertOneModel<>(new Document("_id", id)));
            writes.afterEvent(again);
            return null;
        }).isExceptional()).isFalse();
        assertThat(collection.find().map(d -> d.getString("_id")).into(new ArrayList<>()))
                .containsExactlyInAnyOrder("taken", "after-it");
    }

    @Test
    void sendsEachWriteAtOnce_whenThereIsNoUnitOfWork() {
        writes.inOrder(collection, new InsertOneModel<>(new Document("_id", "now").append("sequence", 0L)));
        writes.newest(collection, "now", 1L, guarded("now", 1L));
        assertThat(collection.find(Filters.eq("_id", "now")).first().getLong("sequence")).isEqualTo(1L);
    }

    /**
     * Axon's pooled processor as the service configures it for the read models (write-behind token store), on two
     * threads and two segments: whenever a segment's token is stored, every event of that segment it covers is
     * written.
     */
    @Test
    void storesEachSegmentsTokenAfterTheWritesOfTheEventsItCovers_whenTwoThreadsHandleTwoSegments() {
        List<String> notWrittenWhenTokenStored = new CopyOnWriteArrayList<>();
        TokenStore checking = new InMemoryTokenStore() {
            @Override
            public void storeToken(TrackingToken token, String processorName, int segment) {
                Set<String> written = collection.find().map(d -> d.getString("_id")).into(new HashSet<>());
                long upTo = token.position().orElse(-1);
                projection.handled.getOrDefault(segment, List.of()).stream()
                        .filter(event -> event.position() <= upTo && !written.contains(event.id()))
                        .forEach(event -> notWrittenWhenTokenStored.add(event.id()));
                super.storeToken(token, processorName, segment);
            }
        };
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(configuration -> new InMemoryEventStorageEngine())
                .registerComponent(TokenStore.class, configuration -> checking);
        configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(ReadModels.PROCESSING_GROUP, Configuration::eventStore,
                        (configuration, builder) -> builder.initialSegmentCount(2).batchSize(5)
                                .workerExecutor(Executors.newScheduledThreadPool(2)))
                .registerEventHandler(configuration -> projection)
                .registerHandlerInterceptor(ReadModels.PROCESSING_GROUP, configuration -> writes)
                .registerTokenStore(ReadModels.PROCESSING_GROUP,
                        configuration -> new WriteBehindTokenStore(checking, writeBehind));
        axon = configurer.start();

        int events = 60;
        for (int i = 0; i < events; i++) {
            axon.eventBus().publish(new GenericDomainEventMessage<>("Learner", "learner-" + i % 6, i / 6,
                    "event-" + i));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> collection.countDocuments() == events);
        assertThat(projection.handled.keySet()).as("both segments handled").hasSize(2);
        assertThat(projection.threads).as("on more than one thread").hasSizeGreaterThan(1);
        assertThat(notWrittenWhenTokenStored).isEmpty();
    }

    private final Projection projection = new Projection();

    @ProcessingGroup(ReadModels.PROCESSING_GROUP)
    final class Projection {

        /** The events each segment handled, with their position in the store. */
        final Map<Integer, List<Handled>> handled = new ConcurrentHashMap<>();
        final Set<String> threads = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(String id, TrackingToken token) {
            threads.add(Thread.currentThread().getName());
            int segment = (Integer) CurrentUnitOfWork.get().root().resources()
                    .get("Processor[" + ReadModels.PROCESSING_GROUP + "]/SegmentId");
            handled.computeIfAbsent(segment, s -> new CopyOnWriteArrayList<>())
                    .add(new Handled(token.position().orElseThrow(), id));
            writes.inOrder(collection, new InsertOneModel<>(new Document("_id", id)));
        }
    }

    record Handled(long position, String id) {
    }

    private static ReplaceOneModel<Document> guarded(String id, long sequence) {
        return new ReplaceOneModel<>(Filters.and(Filters.eq("_id", id), Filters.lt("sequence", sequence)),
                new Document("_id", id).append("sequence", sequence), new ReplaceOptions().upsert(true));
    }

    private static BatchingUnitOfWork<EventMessage<?>> batchOf(Object... payloads) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            messages.add(GenericEventMessage.asEventMessage(payload));
        }
        return new BatchingUnitOfWork<>(messages);
    }
}
