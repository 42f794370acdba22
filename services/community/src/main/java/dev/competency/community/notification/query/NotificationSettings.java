package dev.competency.community.notification.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.competency.platform.service.mongo.RecordCollections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * The kinds of notification each person has muted: muted ones stay stored but are left out of the feed, the live
 * stream and e-mail, so unmuting shows them again. A person's own choice, not built from events.
 */
public class NotificationSettings {

    static final String COLLECTION = "notification_settings";

    private final MongoCollection<Setting> settings;

    public NotificationSettings(MongoDatabase database) {
        this.settings = RecordCollections.collection(database, COLLECTION, Setting.class);
    }

    /** A person's muted kinds as stored, in name order; public for the driver's record codec. */
    public record Setting(@BsonId String personId, List<NotificationKind> muted) {
    }

    public Set<NotificationKind> muted(String personId) {
        Setting setting = settings.find(Filters.eq("_id", personId)).first();
        Set<NotificationKind> muted = EnumSet.noneOf(NotificationKind.class);
        if (setting != null && setting.muted() != null) {
            muted.addAll(setting.muted());
        }
        return muted;
    }

    public void mute(String personId, Set<NotificationKind> muted) {
        settings.replaceOne(Filters.eq("_id", personId), new Setting(personId, muted.stream()
                .sorted((a, b) -> a.name().compareTo(b.name())).toList()), new ReplaceOptions().upsert(true));
    }

    public void erase(String personId) {
        settings.deleteOne(Filters.eq("_id", personId));
    }
}
