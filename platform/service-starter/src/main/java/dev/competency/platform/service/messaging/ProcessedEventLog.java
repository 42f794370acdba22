package dev.competency.platform.service.messaging;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.util.Date;
import org.bson.Document;

/**
 * Remembers which events (by {@code ce_id}) each consumer has applied, in the service's own database.
 *
 * <p>MongoDB without transactions cannot record "applied" atomically with the effect of the event, so consumers
 * use it as follows: skip when {@link #contains} says the event was applied, apply with writes that are idempotent
 * on their own (upserts keyed by the fact's id), then {@link #record}. A crash between the two steps only causes a
 * repeat of an idempotent write.
 */
public class ProcessedEventLog {

    static final String COLLECTION = "processed_events";

    private final MongoCollection<Document> collection;
    private final Clock clock;

    public ProcessedEventLog(MongoDatabase database, Clock clock) {
        this.collection = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    public boolean contains(String consumer, String eventId) {
        return collection.find(Filters.eq("_id", key(consumer, eventId))).first() != null;
    }

    public void record(String consumer, String eventId) {
        try {
            collection.insertOne(new Document("_id", key(consumer, eventId))
                    .append("consumer", consumer)
                    .append("processedAt", Date.from(clock.instant())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static String key(String consumer, String eventId) {
        return consumer + ":" + eventId;
    }
}
