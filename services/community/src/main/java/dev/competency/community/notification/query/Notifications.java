package dev.competency.community.notification.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.competency.platform.service.mongo.RecordCollections;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
import org.bson.conversions.Bson;

/**
 * Every person's notifications. Each has an id derived from the fact it tells and its recipient, so writing it again
 * (a redelivery, a replay) changes its content at most and keeps whether it was read. Notifications built from this
 * service's event store are rebuilt by replay: {@link #markStale} first marks them all, writing one again clears the
 * mark, and marked ones are never shown.
 */
public class Notifications {

    static final String COLLECTION = "notifications";

    /** Where a notification came from: this service's event store, or a public stream. */
    public enum Source { EVENT_STORE, STREAM }

    private final MongoCollection<Stored> notifications;
    private final Clock clock;

    public Notifications(MongoDatabase database, Clock clock) {
        this.notifications = RecordCollections.collection(database, COLLECTION, Stored.class);
        this.clock = clock;
        notifications.createIndex(Indexes.compoundIndex(Indexes.ascending(Stored.RECIPIENT_ID),
                Indexes.descending(Stored.AT)), new IndexOptions().name("by_recipient_newest"));
        notifications.createIndex(Indexes.ascending(Stored.STORED_AT), new IndexOptions().name("by_stored"));
    }

    /** A notification as stored, {@code stale} until a replay writes it again; public for the record codec. */
    public record Stored(@BsonId String notificationId, @BsonProperty(SOURCE) Source source,
                         @BsonProperty(RECIPIENT_ID) String recipientId, @BsonProperty(KIND) NotificationKind kind,
                         @BsonProperty(TEXT) String text, @BsonProperty(LINK) String link,
                         @BsonProperty(AT) Instant at, @BsonProperty(STALE) Boolean stale,
                         @BsonProperty(STORED_AT) Instant storedAt, @BsonProperty(READ) boolean read) {
        static final String SOURCE = "source";
        static final String RECIPIENT_ID = "recipientId";
        static final String KIND = "kind";
        static final String TEXT = "text";
        static final String LINK = "link";
        static final String AT = "at";
        static final String STALE = "stale";
        static final String STORED_AT = "storedAt";
        static final String READ = "read";

        Notification notification() {
            return new Notification(notificationId, recipientId, kind, text, link, at, read);
        }
    }

    /** @return whether the notification is new (not written before) */
    public boolean store(Source source, String notificationId, String recipientId, NotificationKind kind, String text,
                         String link, Instant at) {
        return notifications.updateOne(Filters.eq("_id", notificationId), Updates.combine(
                Updates.set(Stored.SOURCE, source),
                Updates.set(Stored.RECIPIENT_ID, recipientId),
                Updates.set(Stored.KIND, kind),
                Updates.set(Stored.TEXT, text),
                Updates.set(Stored.LINK, link),
                Updates.set(Stored.AT, at),
                Updates.unset(Stored.STALE),
                Updates.setOnInsert(Stored.STORED_AT, clock.instant()),
                Updates.setOnInsert(Stored.READ, false)), new UpdateOptions().upsert(true)).getUpsertedId() != null;
    }

    /** Before a replay of the event store: every notification built from it is hidden until written again. */
    public void markStale() {
        notifications.updateMany(Filters.eq(Stored.SOURCE, Source.EVENT_STORE), Updates.set(Stored.STALE, true));
    }

    /** A person's notifications, newest first, without the muted kinds. */
    public List<Notification> feed(String recipientId, Set<NotificationKind> muted, boolean unreadOnly, int page,
                                   int size) {
        return notifications.find(visible(recipientId, muted, unreadOnly))
                .sort(Sorts.orderBy(Sorts.descending(Stored.AT), Sorts.descending("_id"))).skip(page * size).limit(size)
                .map(Stored::notification).into(new ArrayList<>());
    }

    public long unread(String recipientId, Set<NotificationKind> muted) {
        return notifications.countDocuments(visible(recipientId, muted, true));
    }

    /** @return whether the person has such a notification */
    public boolean markRead(String recipientId, String notificationId) {
        return notifications.updateOne(Filters.and(Filters.eq("_id", notificationId),
                Filters.eq(Stored.RECIPIENT_ID, recipientId)), Updates.set(Stored.READ, true)).getMatchedCount() > 0;
    }

    public void markAllRead(String recipientId) {
        notifications.updateMany(Filters.and(Filters.eq(Stored.RECIPIENT_ID, recipientId),
                Filters.eq(Stored.READ, false)), Updates.set(Stored.READ, true));
    }

    /** Notifications of the given people stored at or after {@code since}, oldest first: for the live streams. */
    public List<Notification> storedSince(Collection<String> recipientIds, Instant since) {
        return notifications.find(Filters.and(Filters.in(Stored.RECIPIENT_ID, recipientIds),
                        Filters.gte(Stored.STORED_AT, since), Filters.ne(Stored.STALE, true)))
                .sort(Sorts.ascending(Stored.STORED_AT, "_id")).map(Stored::notification).into(new ArrayList<>());
    }

    /** Forgets an erased person's notifications. */
    public void erase(String recipientId) {
        notifications.deleteMany(Filters.eq(Stored.RECIPIENT_ID, recipientId));
    }

    private static Bson visible(String recipientId, Set<NotificationKind> muted, boolean unreadOnly) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq(Stored.RECIPIENT_ID, recipientId),
                Filters.ne(Stored.STALE, true)));
        if (!muted.isEmpty()) {
            filters.add(Filters.nin(Stored.KIND, muted));
        }
        if (unreadOnly) {
            filters.add(Filters.eq(Stored.READ, false));
        }
        return Filters.and(filters);
    }
}
