package dev.competency.platform.service.axon;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.competency.platform.service.concurrent.Futures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's event storage on MongoDB with a global sequence: every stored event gets the next number of a counter, and
 * processors follow the store with Axon's {@link GapAwareTrackingToken} (a number and the few numbers below it not
 * yet seen), as Axon's JDBC and JPA engines do, instead of the time-based token of Axon's MongoDB engine.
 *
 * <p>Why not Axon's MongoDB engine: its token is the time of the last event read plus the id of every event in the
 * look-back window before it (one second), and each event read carries its own copy of that map. Holding and
 * copying those maps grows with the square of the event rate: at a few hundred evidence a second the service spent
 * more CPU in garbage collection than in its own work, and most of its heap was token maps. Its reads also exclude
 * the whole window by id ({@code $nin}), and an event stored more than the look-back time after it was applied (a
 * slow commit, a clock behind) is never read by processors that already passed it.
 *
 * <p>How the numbers stay safe with several writers: an append takes a range of numbers from the counter by an
 * atomic compare-and-set and inserts its events under them. A reader that sees a number before a lower one (another append
 * still inserting) keeps the lower one in its token as a gap and reads it again on its next fetch. A gap is given up
 * when an event numbered above it was appended more than {@code gapTimeout} ago (its append failed), or when it falls
 * {@value #MAX_GAP_OFFSET} numbers behind.
 *
 * <p>Collections: {@value #EVENTS} (one document per event, {@value #GLOBAL_INDEX} unique; aggregate id and sequence
 * number unique together, which turns a concurrent change of one aggregate into Axon's concurrency exception),
 * {@value #SNAPSHOTS} (the latest snapshot per aggregate) and {@value #COUNTERS}. An append of several aggregates'
 * events is one insert of many documents without a transaction, as with Axon's MongoDB engine: a failure part-way
 * leaves the events before it stored.
 *
 * <p>Read and write concerns are the client's: on a replica set, {@code w=majority} and
 * {@code readConcernLevel=majority} in the connection string keep a failover from taking back an event or a number
 * a processor has already seen.
 *
 * <p>{@link #close()} stops the threads that read ahead; Spring calls it when the context closes.
 */
public class SequencedMongoEventStorageEngine extends BatchingEventStorageEngine implements AutoCloseable {

    static final String EVENTS = "domainevents";
    static final String SNAPSHOTS = "snapshots";
    static final String COUNTERS = "counters";
    static final String GLOBAL_INDEX = "globalIndex";
    /** Gaps further than this below the token's number are given up, as in Axon's JDBC engine. */
    static final int MAX_GAP_OFFSET = 10_000;

    private static final Logger log = LoggerFactory.getLogger(SequencedMongoEventStorageEngine.class);
    private static final String AGGREGATE = "aggregateIdentifier";
    private static final String SEQUENCE = "sequenceNumber";
    private static final String TIMESTAMP = "timestamp";
    private static final String APPENDED_AT = "appendedAt";

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> counters;
    private final Clock clock;
    private final Duration gapTimeout;
    private final ExecutorService readers;
    private volatile Runnable headRead = () -> {
    };

    /**
     * @param database   where the collections live
     * @param serializer serializer of events and snapshots
     * @param batchSize  events per read, for processors and aggregate loads
     * @param gapTimeout how long after a later event's append a gap below it is given up
     */
    public SequencedMongoEventStorageEngine(MongoDatabase database, Serializer serializer, int batchSize,
            Clock clock, Duration gapTimeout) {
        super(settings(serializer, batchSize));
        this.events = database.getCollection(EVENTS);
        this.snapshots = database.getCollection(SNAPSHOTS);
        this.counters = database.getCollection(COUNTERS);
        this.clock = clock;
        this.gapTimeout = gapTimeout;
        String readerName = "event-store-read-ahead-" + database.getName();
        this.readers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, readerName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs {@code listener} after each read of new events for the embedded event store's producer (the reads that
     * may block, which follow the head), before the producer hands them on: events of this instance or another.
     */
    public void whenHeadRead(Runnable listener) {
        this.headRead = listener;
    }

    /** Stops the threads that read ahead; a read ahead still running is interrupted, and nothing waits for it. */
    @Override
    public void close() {
        readers.shutdownNow();
    }

    private static Builder settings(Serializer serializer, int batchSize) {
        Builder builder = new Builder() {
        };
        builder.eventSerializer(serializer);
        builder.snapshotSerializer(serializer);
        builder.batchSize(batchSize);
        builder.persistenceExceptionResolver(SequencedMongoEventStorageEngine::isDuplicateKey);
        return builder;
    }

    /** Declares the indexes, and moves the counter past every number. */
    public void ensureIndexes() {
        events.createIndex(Indexes.ascending(GLOBAL_INDEX), new IndexOptions().unique(true).sparse(true));
        // Under the name Axon's MongoDB engine gave the same index: MongoDB refuses one key pattern under two names.
        events.createIndex(Indexes.ascending(AGGREGATE, SEQUENCE),
                new IndexOptions().unique(true).name("uniqueAggregateIndex"));
        events.createIndex(Indexes.ascending(TIMESTAMP));
        Document last = numberedAtEnd(Sorts.descending(GLOBAL_INDEX));
        if (last != null) {
            counters.updateOne(Filters.eq("_id", EVENTS), Updates.max("next", last.getLong(GLOBAL_INDEX) + 1),
                    new UpdateOptions().upsert(true));
        }
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> messages, Serializer serializer) {
        if (messages.isEmpty()) {
            return;
        }
        long first = allocate(messages.size());
        long appendedAt = clock.millis();
        List<Document> documents = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            documents.add(document(messages.get(i), serializer).append(GLOBAL_INDEX, first + i)
                    .append(APPENDED_AT, appendedAt));
        }
        try {
            events.insertMany(documents);
        } catch (MongoBulkWriteException e) {
            // Named after the event that was refused, not the first of the append.
            int refused = e.getWriteErrors().isEmpty() ? 0 : e.getWriteErrors().get(0).getIndex();
            handlePersistenceException(e, messages.get(Math.min(refused, messages.size() - 1)));
        } catch (MongoException e) {
            handlePersistenceException(e, messages.get(0));
        }
    }

    /**
     * Takes {@code count} numbers from the counter; returns the first. A compare-and-set on the counter's value, not
     * a findAndModify: the embedded server's file backend answers a findAndModify with a document a concurrent update
     * may already have changed, and a number handed out twice would lose an event.
     */
    private long allocate(int count) {
        while (true) {
            Document counter = counters.find(Filters.eq("_id", EVENTS)).first();
            if (counter == null) {
                try {
                    counters.insertOne(new Document("_id", EVENTS).append("next", (long) count));
                    return 0;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    continue; // another writer created it first
                }
            }
            long next = counter.getLong("next");
            if (counters.updateOne(Filters.and(Filters.eq("_id", EVENTS), Filters.eq("next", next)),
                    Updates.set("next", next + count)).getModifiedCount() == 1) {
                return next;
            }
        }
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document document = document(snapshot, serializer);
        document.put("_id", snapshot.getAggregateIdentifier());
        snapshots.replaceOne(Filters.eq("_id", snapshot.getAggregateIdentifier()), document,
                new ReplaceOptions().upsert(true));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document snapshot = snapshots.find(Filters.eq("_id", aggregateIdentifier)).first();
        return snapshot == null ? Stream.empty() : Stream.of(entry(snapshot));
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
            long firstSequenceNumber, int batchSize) {
        List<DomainEventData<?>> found = new ArrayList<>();
        events.find(Filters.and(Filters.eq(AGGREGATE, aggregateIdentifier), Filters.gte(SEQUENCE, firstSequenceNumber)))
                .sort(Sorts.ascending(AGGREGATE, SEQUENCE)).limit(batchSize)
                .forEach(document -> found.add(entry(document)));
        return found;
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        Document last = events.find(Filters.eq(AGGREGATE, aggregateIdentifier))
                .sort(Sorts.descending(AGGREGATE, SEQUENCE)).limit(1).first();
        return Optional.ofNullable(last == null ? null : last.getLong(SEQUENCE));
    }

    /**
     * A processor's stream of events. When a read fills a whole batch, the processor is behind (a rebuild, a
     * backlog), and the next batch is read in the background while it handles this one, so that reading the store
     * and handling overlap instead of taking turns. A read that fills no batch starts no read ahead: a processor
     * that follows the head reads as before. Reading ahead reads exactly what the same read would when the batch is
     * done; events stored in between under lower numbers are gaps of its token, read on a later fetch as always.
     */
    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        ReadAhead readAhead = new ReadAhead(trackingToken, mayBlock);
        return StreamSupport.stream(readAhead, false).onClose(readAhead::close);
    }

    private final class ReadAhead extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {

        private TrackingToken last;
        private Iterator<? extends TrackedEventData<?>> batch = Collections.emptyIterator();
        private CompletableFuture<List<? extends TrackedEventData<?>>> next;
        private final boolean followsHead;
        private boolean ended;

        ReadAhead(TrackingToken from, boolean followsHead) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.last = from;
            this.followsHead = followsHead;
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
            if (!batch.hasNext()) {
                if (ended) {
                    return false;
                }
                List<? extends TrackedEventData<?>> read = next == null ? fetchTrackedEvents(last, batchSize())
                        : awaitReadAhead();
                next = null;
                if (read.isEmpty()) {
                    ended = true;
                    return false;
                }
                if (read.size() >= batchSize()) {
                    TrackingToken after = read.get(read.size() - 1).trackingToken();
                    next = CompletableFuture.supplyAsync(() -> fetchTrackedEvents(after, batchSize()), readers);
                }
                batch = read.iterator();
                if (followsHead) {
                    headRead.run();
                }
            }
            TrackedEventData<?> event = batch.next();
            last = event.trackingToken();
            action.accept(event);
            return true;
        }

        private List<? extends TrackedEventData<?>> awaitReadAhead() {
            return Futures.join(next);
        }

        void close() {
            if (next != null) {
                next.cancel(false);
            }
        }
    }

    @Override
    protected List<? extends TrackedDomainEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken token = gapAware(lastToken);
        long appendedBefore = clock.millis() - gapTimeout.toMillis();
        long givenUpBelow = Long.MIN_VALUE;
        List<Document> found = new ArrayList<>();
        if (token.hasGaps()) {
            // The gaps, and the events read before between and just above them: those tell how old the gaps are.
            SortedSet<Long> gaps = token.getGaps();
            for (Document document : events.find(Filters.and(Filters.gte(GLOBAL_INDEX, gaps.first()),
                    Filters.lte(GLOBAL_INDEX, gaps.last() + 1))).sort(Sorts.ascending(GLOBAL_INDEX))) {
                long index = document.getLong(GLOBAL_INDEX);
                if (gaps.contains(index)) {
                    found.add(document);
                } else if (document.getLong(APPENDED_AT) < appendedBefore) {
                    givenUpBelow = index;
                }
            }
        }
        events.find(Filters.gt(GLOBAL_INDEX, token.getIndex())).sort(Sorts.ascending(GLOBAL_INDEX)).limit(batchSize)
                .forEach(found::add);
        if (found.isEmpty()) {
            return List.of();
        }
        List<TrackedDomainEventData<?>> tracked = new ArrayList<>(found.size());
        for (Document document : found) {
            long index = document.getLong(GLOBAL_INDEX);
            token = token.advanceTo(index, MAX_GAP_OFFSET);
            if (document.getLong(APPENDED_AT) < appendedBefore) {
                givenUpBelow = Math.max(givenUpBelow, index);
            }
            tracked.add(new TrackedDomainEventData<>(token, entry(document)));
        }
        if (token.hasGaps() && token.getGaps().first() < givenUpBelow) {
            log.warn("Giving up on events {}: numbered below event {}, which was stored more than {} ago",
                    token.getGaps().headSet(givenUpBelow), givenUpBelow, gapTimeout);
            int last = tracked.size() - 1;
            tracked.set(last, new TrackedDomainEventData<>(token.withGapsTruncatedAt(givenUpBelow),
                    (DomainEventData<?>) tracked.get(last)));
        }
        return tracked;
    }

    private GapAwareTrackingToken gapAware(TrackingToken lastToken) {
        TrackingToken token = lastToken == null ? null : WrappedToken.unwrapLowerBound(lastToken);
        if (token == null) {
            return tail();
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware;
        }
        throw new IllegalArgumentException("Cannot read the event store from a " + token.getClass().getName());
    }

    private long firstIndex() {
        Document first = numberedAtEnd(Sorts.ascending(GLOBAL_INDEX));
        return first == null ? 0 : first.getLong(GLOBAL_INDEX);
    }

    /** The event first in {@code order} (the lowest or the highest number), or null when the store is empty. */
    private Document numberedAtEnd(Bson order) {
        return events.find().sort(order).limit(1).first();
    }

    /**
     * The sequence identifier of each stored event numbered from {@code from} up to {@code upTo}, by number: what
     * Axon's default sequencing policy gives a processor, the aggregate's id, or the event's own id for an event of no
     * aggregate (stored in its place). A number not stored, or not yet, has none.
     */
    public Map<Long, String> sequenceIdentifiers(long from, long upTo) {
        Map<Long, String> found = new HashMap<>();
        for (Document document : events.find(Filters.and(Filters.gte(GLOBAL_INDEX, from),
                Filters.lte(GLOBAL_INDEX, upTo))).projection(Projections.include(GLOBAL_INDEX, AGGREGATE))) {
            found.put(document.getLong(GLOBAL_INDEX), document.getString(AGGREGATE));
        }
        return found;
    }

    @Override
    public TrackingToken createTailToken() {
        return tail();
    }

    /**
     * Before number 0, or before the first event if one is numbered below 0: a number taken before the first visible
     * one, and still being inserted, is then read as a gap, not skipped.
     */
    private GapAwareTrackingToken tail() {
        return GapAwareTrackingToken.newInstance(Math.min(firstIndex(), 0) - 1, List.of());
    }

    @Override
    public TrackingToken createHeadToken() {
        Document last = numberedAtEnd(Sorts.descending(GLOBAL_INDEX));
        return GapAwareTrackingToken.newInstance(last == null ? -1 : last.getLong(GLOBAL_INDEX), List.of());
    }

    /**
     * A token before the lowest-numbered event applied at or after the instant. Numbers do not follow the events'
     * times exactly (units of work commit in another order than they applied their events), so this is the lowest
     * number, not the number of the earliest event.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        Document first = events.find(Filters.gte(TIMESTAMP, Date.from(dateTime)))
                .sort(Sorts.ascending(GLOBAL_INDEX)).limit(1).first();
        return first == null ? createHeadToken()
                : GapAwareTrackingToken.newInstance(first.getLong(GLOBAL_INDEX) - 1, List.of());
    }

    private static Document document(EventMessage<?> message, Serializer serializer) {
        // JSON text, readable in the store as Axon's MongoDB engine kept it.
        SerializedObject<String> payload = message.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = message.serializeMetaData(serializer, String.class);
        Document document = new Document();
        if (message instanceof DomainEventMessage<?> domain) {
            document.append("type", domain.getType()).append(AGGREGATE, domain.getAggregateIdentifier())
                    .append(SEQUENCE, domain.getSequenceNumber());
        } else {
            // Not an aggregate's event: its own id and sequence 0, as Axon's JDBC engine stores it.
            document.append("type", null).append(AGGREGATE, message.getIdentifier()).append(SEQUENCE, 0L);
        }
        // Milliseconds, as Axon's own engines keep an event's time.
        return document.append("eventIdentifier", message.getIdentifier())
                .append(TIMESTAMP, Date.from(message.getTimestamp()))
                .append("payloadType", payload.getType().getName())
                .append("payloadRevision", payload.getType().getRevision())
                .append("serializedPayload", payload.getData())
                .append("serializedMetaData", metaData.getData());
    }

    private static DomainEventData<String> entry(Document document) {
        return new StoredEventData(document.getString("type"), document.getString(AGGREGATE),
                document.getLong(SEQUENCE), document.getString("eventIdentifier"),
                document.getDate(TIMESTAMP).toInstant(),
                document.getString("payloadType"), document.getString("payloadRevision"),
                document.getString("serializedPayload"), document.getString("serializedMetaData"));
    }

    private static boolean isDuplicateKey(Exception e) {
        if (e instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream()
                    .anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
        }
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return e instanceof MongoException mongo && ErrorCategory.fromErrorCode(mongo.getCode())
                == ErrorCategory.DUPLICATE_KEY;
    }
}
