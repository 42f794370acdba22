package dev.competency.community.notification.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * The kinds of notification each person has muted: muted ones stay stored but are left out of the feed, the live
 * stream and e-mail, so unmuting shows them again. A person's own choice, not built from events.
 */
public class NotificationSettings {

    static final String COLLECTION = "notification_settings";

    private final MongoCollection<Document> settings;

    public NotificationSettings(MongoDatabase database) {
        this.settings = database.getCollection(COLLECTION);
    }

    public Set<NotificationKind> muted(String personId) {
        Document document = settings.find(Filters.eq("_id", personId)).first();
        Set<NotificationKind> muted = EnumSet.noneOf(NotificationKind.class);
        if (document != null) {
            for (String kind : document.getList("muted", String.class, List.of())) {
                muted.add(NotificationKind.valueOf(kind));
            }
        }
        return muted;
    }

    public void mute(String personId, Set<NotificationKind> muted) {
        settings.replaceOne(Filters.eq("_id", personId), new Document("_id", personId)
                .append("muted", muted.stream().map(Enum::name).sorted().toList()), new ReplaceOptions().upsert(true));
    }

    public void erase(String personId) {
        settings.deleteOne(Filters.eq("_id", personId));
    }
}
