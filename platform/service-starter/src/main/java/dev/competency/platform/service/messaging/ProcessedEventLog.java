package dev.competency.platform.service.messaging;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers, for a while, which events (by {@code ce_id}) each consumer has taken on, and from which record, in the
 * service's own database (collection {@value #COLLECTION}).
 *
 * <h2>One round trip per record</h2>
 * {@link #claim} is a single upsert keyed by consumer and {@code ce_id} that also matches the record's topic,
 * partition and offset:
 * <ul>
 *   <li>no entry yet: it inserts one, and the consumer applies the event ({@link Claim#FIRST});</li>
 *   <li>an entry from this very record: the record is delivered again (its offset was not committed before a crash
 *       or a rebalance, or the consumer group was reset to rebuild a read model); the upsert matches and the
 *       consumer applies it again ({@link Claim#REDELIVERED}), because the first delivery may have stopped half
 *       way;</li>
 *   <li>an entry from another record: the producer published the same event again (after a crash, on a retry);
 *       the upsert's insert fails on the duplicate key and the consumer skips it ({@link Claim#DUPLICATE}).</li>
 * </ul>
 * When applying fails, {@link #release} removes the claim, so that another copy of the event (say, one sent again
 * from the dead-letter topic) is not skipped.
 *
 * <h2>Bounded by time, and why that is safe</h2>
 * Entries expire {@code retention} after they were written (a TTL index on {@code processedAt}, default
 * {@link #DEFAULT_RETENTION}). Dropping them never breaks a read model, because the log is not what makes consuming
 * idempotent: every consumer's writes are idempotent on their own (upserts and deletes keyed by the fact's id, such
 * as learner id or framework id and version), and a duplicate never arrives alone. Copies come from replaying a
 * suffix of a partition: Kafka delivers again from the last committed offset onwards, and a producer's publisher (an
 * event processor over its event store) publishes again from its token onwards, in store order. Either way every
 * later event of the same key (same partition) follows the copy again, in the original order, so re-applying the
 * copy ends in the same state. (A consumer that needs more, such as counting, must not rely on this log.) What the
 * log saves is work: a duplicate within the retention costs one round trip instead of its writes and its follow-up
 * work, such as a mastery recomputation for a framework version received again.
 *
 * <p>MongoDB without transactions cannot record "applied" atomically with the effect of the event; a crash after
 * the claim and before the effect is covered by the record being delivered again from the same position.
 */
public class ProcessedEventLog {

    static final String COLLECTION = "processed_events";
    static final String TTL_INDEX = "processedAt_ttl";
    /**
     * How long an entry is kept by default: two weeks. A producer sends a copy with another position when it retries
     * a send or restarts after a crash, so within minutes, or after an outage the platform waits out; a restore
     * republishes everything in order (see above), which is safe at any age.
     */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(14);

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventLog.class);

    private final MongoCollection<Document> collection;
    private final Clock clock;
    private final Duration retention;

    /** The log in {@code database}, whose entries expire after {@code retention} once {@link #ensureIndexes} ran. */
    public ProcessedEventLog(MongoDatabase database, Clock clock, Duration retention) {
        if (retention.toSeconds() < 1) {
            throw new IllegalArgumentException("The retention of processed events must be at least a second, not "
                    + retention);
        }
        this.collection = database.getCollection(COLLECTION);
        this.clock = clock;
        this.retention = retention;
    }

    /** Whether {@code consumer} applies {@code event}: see the class comment. */
    public Claim claim(String consumer, ReceivedEvent event) {
        try {
            return collection.updateOne(entry(consumer, event),
                    Updates.combine(Updates.set("processedAt", Date.from(clock.instant())),
                            Updates.setOnInsert("consumer", consumer)),
                    new UpdateOptions().upsert(true)).getUpsertedId() != null ? Claim.FIRST : Claim.REDELIVERED;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Claim.DUPLICATE;
            }
            throw e;
        }
    }

    /** Withdraws the claim of {@code consumer} on {@code event} from this record, after applying it failed. */
    public void release(String consumer, ReceivedEvent event) {
        collection.deleteOne(entry(consumer, event));
    }

    /** The entry of the consumer and event, taken from exactly this record. */
    private static Bson entry(String consumer, ReceivedEvent event) {
        return Filters.and(Filters.eq("_id", consumer + ":" + event.attributes().id()),
                Filters.eq("topic", event.topic()), Filters.eq("partition", event.partition()),
                Filters.eq("offset", event.offset()));
    }

    /**
     * Creates the TTL index that expires entries, or replaces it when it expires them after another time than the
     * retention (MongoDB refuses to create an index that differs from an existing one only in its options).
     */
    public void ensureIndexes() {
        long seconds = retention.toSeconds();
        for (Document index : collection.listIndexes()) {
            if (TTL_INDEX.equals(index.getString("name"))) {
                Number current = index.get("expireAfterSeconds", Number.class);
                if (current != null && current.longValue() == seconds) {
                    return;
                }
                log.info("Processed events now expire after {} s instead of {} s", seconds, current);
                collection.dropIndex(TTL_INDEX);
                break;
            }
        }
        collection.createIndex(Indexes.ascending("processedAt"),
                new IndexOptions().name(TTL_INDEX).expireAfter(seconds, TimeUnit.SECONDS));
    }

    /** What a consumer does with an event it receives. */
    public enum Claim {
        /** Not seen within the retention: apply it. */
        FIRST,
        /** Delivered again from the same record: apply it again (idempotently), the first delivery may not have. */
        REDELIVERED,
        /** Another copy of an event already taken on from another record: skip it. */
        DUPLICATE;

        public boolean applies() {
            return this != DUPLICATE;
        }
    }
}
