package dev.competency.community.notification.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
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

    private final MongoCollection<Document> notifications;
    private final Clock clock;

    public Notifications(MongoDatabase database, Clock clock) {
        this.notifications = database.getCollection(COLLECTION);
        this.clock = clock;
        notifications.createIndex(Indexes.compoundIndex(Indexes.ascending("recipientId"), Indexes.descending("at")),
                new IndexOptions().name("by_recipient_newest"));
        notifications.createIndex(Indexes.ascending("storedAt"), new IndexOptions().name("by_stored"));
    }

    /** @return whether the notification is new (not written before) */
    public boolean store(Source source, String notificationId, String recipientId, NotificationKind kind, String text,
                         String link, Instant at) {
        return notifications.updateOne(Filters.eq("_id", notificationId), Updates.combine(
                Updates.set("source", source.name()),
                Updates.set("recipientId", recipientId),
                Updates.set("kind", kind.name()),
                Updates.set("text", text),
                Updates.set("link", link),
                Updates.set("at", Date.from(at)),
                Updates.unset("stale"),
                Updates.setOnInsert("storedAt", Date.from(clock.instant())),
                Updates.setOnInsert("read", false)), new UpdateOptions().upsert(true)).getUpsertedId() != null;
    }

    /** Before a replay of the event store: every notification built from it is hidden until written again. */
    public void markStale() {
        notifications.updateMany(Filters.eq("source", Source.EVENT_STORE.name()), Updates.set("stale", true));
    }

    /** A person's notifications, newest first, without the muted kinds. */
    public List<Notification> feed(String recipientId, Set<NotificationKind> muted, boolean unreadOnly, int page,
                                   int size) {
        List<Notification> feed = new ArrayList<>();
        notifications.find(visible(recipientId, muted, unreadOnly))
                .sort(Sorts.orderBy(Sorts.descending("at"), Sorts.descending("_id"))).skip(page * size).limit(size)
                .forEach(document -> feed.add(notification(document)));
        return feed;
    }

    public long unread(String recipientId, Set<NotificationKind> muted) {
        return notifications.countDocuments(visible(recipientId, muted, true));
    }

    /** @return whether the person has such a notification */
    public boolean markRead(String recipientId, String notificationId) {
        return notifications.updateOne(Filters.and(Filters.eq("_id", notificationId),
                Filters.eq("recipientId", recipientId)), Updates.set("read", true)).getMatchedCount() > 0;
    }

    public void markAllRead(String recipientId) {
        notifications.updateMany(Filters.and(Filters.eq("recipientId", recipientId), Filters.eq("read", false)),
                Updates.set("read", true));
    }

    /** Notifications of the given people stored at or after {@code since}, oldest first: for the live streams. */
    public List<Notification> storedSince(Collection<String> recipientIds, Instant since) {
        List<Notification> stored = new ArrayList<>();
        notifications.find(Filters.and(Filters.in("recipientId", recipientIds),
                        Filters.gte("storedAt", Date.from(since)), Filters.ne("stale", true)))
                .sort(Sorts.ascending("storedAt", "_id")).forEach(document -> stored.add(notification(document)));
        return stored;
    }

    /** Forgets an erased person's notifications. */
    public void erase(String recipientId) {
        notifications.deleteMany(Filters.eq("recipientId", recipientId));
    }

    private static Bson visible(String recipientId, Set<NotificationKind> muted, boolean unreadOnly) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("recipientId", recipientId),
                Filters.ne("stale", true)));
        if (!muted.isEmpty()) {
            filters.add(Filters.nin("kind", muted.stream().map(Enum::name).toList()));
        }
        if (unreadOnly) {
            filters.add(Filters.eq("read", false));
        }
        return Filters.and(filters);
    }

    private static Notification notification(Document document) {
        return new Notification(document.getString("_id"), document.getString("recipientId"),
                NotificationKind.valueOf(document.getString("kind")), document.getString("text"),
                document.getString("link"), document.getDate("at").toInstant(), document.getBoolean("read", false));
    }
}
