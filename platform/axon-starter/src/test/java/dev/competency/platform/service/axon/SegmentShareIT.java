package dev.competency.platform.service.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.competency.platform.test.ScratchDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.interceptors.TransactionManagingInterceptor;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two instances of a service, each with its own event store, token store, heartbeat and pooled processor, on one
 * database, as two pods are: both claim their share of the segments and handle events; when one stops, the other
 * claims its segments within the stated time, and every event reaches the read model exactly once, in order per
 * aggregate. The processors are set up as {@link AxonMongoConfiguration} sets up the services' pooled processors, with
 * the platform's defaults (heartbeat 2 s, instance time-out 10 s, claim time-out 10 s, token claim interval 5 s,
 * claim extension threshold 1 s, the event store's streams waking the processor, full queues looked at again after
 * 5 ms).
 */
class SegmentShareIT {

    private static final Logger log = LoggerFactory.getLogger(SegmentShareIT.class);
    private static final String PROCESSOR = "read-models";
    private static final int SEGMENTS = 8;
    private static final int AGGREGATES = 32;
    /** A clean stop: the leaver's claims are released at once; the survivor sees one instance less within a
     * heartbeat and claims at its next claim check. */
    private static final Duration CLEAN_TAKEOVER = Duration.ofSeconds(2 + 5 + 3);
    /** A crash: the dead instance counts as live for the instance time-out, its claims hold for the claim time-out,
     * then the survivor claims at its next claim check. */
    private static final Duration CRASH_TAKEOVER = Duration.ofSeconds(10 + 5 + 3);

    private final Serializer serializer = new AxonMongoConfiguration().serializer();
    private final Map<String, Long> lastSequence = new ConcurrentHashMap<>();
    private final Queue<String> outOfOrder = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();
    private final List<Instance> instances = new ArrayList<>();
    private ScratchDatabase scratch;
    private MongoDatabase database;
    private MongoCollection<Document> readModel;

    @BeforeEach
    void freshDatabase() {
        scratch = ScratchDatabase.create("segment-share");
        database = scratch.database();
        readModel = database.getCollection("handled");
    }

    @AfterEach
    void stopInstances() {
        instances.forEach(Instance::stop);
        scratch.close();
    }

    @Test
    void spreadsSegmentsAndHandsThemOver_whenAnInstanceStopsMidStream() {
        Instance first = start("first");
        Instance second = start("second");
        await().atMost(CLEAN_TAKEOVER.multipliedBy(2)).untilAsserted(() -> {
            assertThat(owned(first)).isEqualTo(SEGMENTS / 2);
            assertThat(owned(second)).isEqualTo(SEGMENTS / 2);
        });

        append(400);
        await().atMost(Duration.ofSeconds(60)).until(() -> first.handled.get() > 0 && second.handled.get() > 0);
        long stoppedAt = System.nanoTime();
        first.stop();
        await().atMost(CLEAN_TAKEOVER).until(() -> owned(second) == SEGMENTS);
        Duration takeover = Duration.ofNanos(System.nanoTime() - stoppedAt);
        log.info("After a clean stop the survivor held every segment in {} ms", takeover.toMillis());
        append(400);

        awaitEveryEventHandledOnce(800);
        log.info("Events handled: {} by the instance that stopped, {} by the survivor", first.handled.get(),
                second.handled.get());
        assertThat(first.handled.get()).isPositive();
        assertThat(second.handled.get()).isPositive();
        assertThat(first.handled.get() + second.handled.get()).isEqualTo(800);
        assertThat(outOfOrder).isEmpty();
    }

    @Test
    void takesOverItsSegmentsWithinClaimTimeoutAndClaimInterval_whenAnInstanceCrashes() {
        Instance first = start("first");
        Instance second = start("second");
        await().atMost(CLEAN_TAKEOVER.multipliedBy(2)).until(() -> owned(first) == SEGMENTS / 2
                && owned(second) == SEGMENTS / 2);
        append(200);
        awaitEveryEventHandledOnce(200);

        long crashedAt = System.nanoTime();
        first.crash();
        append(200);
        await().atMost(CRASH_TAKEOVER).until(() -> owned(second) == SEGMENTS);
        log.info("After a crash the survivor held every segment in {} ms",
                Duration.ofNanos(System.nanoTime() - crashedAt).toMillis());

        // Nothing was in flight at the crash: every event is handled once, the later ones by the survivor.
        awaitEveryEventHandledOnce(400);
        assertThat(outOfOrder).isEmpty();
    }

    @Test
    void showsAWriteOnEveryInstance_whenOnlyOneSegmentHadEventsToHandle() {
        Instance first = start("first");
        Instance second = start("second");
        await().atMost(CLEAN_TAKEOVER.multipliedBy(2)).until(() -> owned(first) == SEGMENTS / 2
                && owned(second) == SEGMENTS / 2);
        MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(database).build();
        // Longer than an event store's poll of the storage (1 s: these events are appended to the storage, not
        // through either instance's event store).
        ReadYourWrites readYourWrites = new ReadYourWrites(PROCESSOR, template, serializer, second.store,
                Duration.ofSeconds(3));

        // Each write is one event of one aggregate: seven of the eight segments have nothing to handle, and the request
        // must not wait for them to store that they read past it.
        for (int write = 0; write < 10; write++) {
            long started = System.nanoTime();
            readYourWrites.afterWrite(() -> {
                append(1);
                return null;
            });
            log.info("Write {} shown on every segment after {} ms", write,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
        assertThat(readModel.countDocuments()).isEqualTo(10);
    }

    private void awaitEveryEventHandledOnce(long events) {
        await().atMost(Duration.ofSeconds(90)).until(() -> readModel.countDocuments() == events);
        assertThat(readModel.countDocuments(Filters.ne("times", 1))).as("events handled more than once").isZero();
    }

    private long owned(Instance instance) {
        return database.getCollection("trackingtokens").countDocuments(Filters.and(
                Filters.eq("processorName", PROCESSOR), Filters.eq("owner", instance.share.instanceId())));
    }

    /** Appends events round-robin over the aggregates, each aggregate's in sequence. */
    private void append(int count) {
        SequencedMongoEventStorageEngine store = instances.get(instances.size() - 1).store;
        for (int i = 0; i < count; i++) {
            String aggregate = "learner-" + (i % AGGREGATES);
            long sequence = sequences.merge(aggregate, 0L, (previous, zero) -> previous + 1);
            store.appendEvents(List.of(new GenericDomainEventMessage<>("Learner", aggregate, sequence,
                    aggregate + "-" + sequence)));
        }
    }

    private Instance start(String name) {
        Instance instance = new Instance(name);
        instances.add(instance);
        return instance;
    }

    /** One service instance: its own storage engine, token store, heartbeat and processor over the shared database. */
    private final class Instance {

        final AtomicLong handled = new AtomicLong();
        final SegmentShare share;
        final SequencedMongoEventStorageEngine store;
        private final ScheduledExecutorService coordinator = new CoordinatorExecutor(PROCESSOR, 5);
        private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
        private final PooledStreamingEventProcessor processor;
        private boolean stopped;

        Instance(String name) {
            MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(database).build();
            share = new SegmentShare(name + "-" + UUID.randomUUID().toString().substring(0, 8), database,
                    template.trackingTokensCollection(), Clock.systemUTC(), Duration.ofSeconds(2),
                    Duration.ofSeconds(10)).start();
            store = new SequencedMongoEventStorageEngine(database, serializer, 100, Clock.systemUTC(),
                    Duration.ofSeconds(60));
            store.ensureIndexes();
            MongoTokenStore tokens = MongoTokenStore.builder().mongoTemplate(template).serializer(serializer)
                    .nodeId(share.instanceId()).claimTimeout(Duration.ofSeconds(10)).build();
            EventMessageHandler handler = this::handle;
            processor = PooledStreamingEventProcessor.builder()
                    .name(PROCESSOR)
                    .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                    .errorHandler(PropagatingErrorHandler.instance())
                    .messageSource(new SignallingEventStore(EmbeddedEventStore.builder(), store))
                    .tokenStore(tokens)
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .coordinatorExecutor(coordinator)
                    .workerExecutor(workers)
                    .initialSegmentCount(SEGMENTS)
                    .batchSize(20)
                    .maxSegmentProvider(share)
                    .claimExtensionThreshold(1000)
                    .build();
            processor.registerHandlerInterceptor(new TransactionManagingInterceptor<>(NoTransactionManager.INSTANCE));
            processor.start();
        }

        private Object handle(EventMessage<?> event) {
            DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
            lastSequence.compute(domain.getAggregateIdentifier(), (aggregate, last) -> {
                long expected = last == null ? 0 : last + 1;
                if (domain.getSequenceNumber() != expected) {
                    outOfOrder.add(aggregate + ": " + domain.getSequenceNumber() + " after " + last);
                }
                return domain.getSequenceNumber();
            });
            readModel.updateOne(Filters.eq("_id", event.getIdentifier()), Updates.combine(Updates.inc("times", 1),
                    Updates.push("by", share.instanceId())), new UpdateOptions().upsert(true));
            handled.incrementAndGet();
            return null;
        }

        /** A clean stop: the processor gives back its segments, the heartbeat document goes. */
        void stop() {
            if (!stopped) {
                stopped = true;
                processor.shutDown();
                share.close();
                coordinator.shutdownNow();
                workers.shutdownNow();
                store.close();
            }
        }

        /**
         * A crash between batches: the processor's threads stop without giving back the segments and the heartbeat
         * stops without deleting its document.
         */
        void crash() {
            stopped = true;
            coordinator.shutdownNow();
            workers.shutdownNow();
            share.stopHeartbeat();
            store.close();
        }
    }
}
