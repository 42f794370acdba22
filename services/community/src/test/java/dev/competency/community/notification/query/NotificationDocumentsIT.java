package dev.competency.community.notification.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.competency.community.notification.domain.MasteryExpiry;
import dev.competency.platform.service.id.CompetencyId;
import dev.competency.platform.service.id.LearnerId;
import dev.competency.platform.test.ScratchDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The documents the notification read models store, field by field, and documents of that shape read back. */
class NotificationDocumentsIT {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-02T09:05:00Z");

    private ScratchDatabase scratch;
    private MongoDatabase database;

    @BeforeEach
    void setUp() {
        scratch = ScratchDatabase.create("notification-documents");
        database = scratch.database();
    }

    @AfterEach
    void tearDown() {
        scratch.close();
    }

    private Document only(String collection) {
        List<Document> documents = scratch.documents(collection);
        assertThat(documents).hasSize(1);
        return documents.get(0);
    }

    @Test
    void keepsReadAndStoredAt_whenNotificationIsWrittenAgain() {
        Notifications notifications = new Notifications(database, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(notifications.store(Notifications.Source.EVENT_STORE, "reply:p-1", "ada", NotificationKind.REPLY,
                "bob replied", "/api/community/discussions/d-1", AT)).isTrue();
        assertThat(notifications.markRead("ada", "reply:p-1")).isTrue();
        notifications.markStale();
        assertThat(notifications.feed("ada", Set.of(), false, 0, 10)).isEmpty();
        assertThat(notifications.store(Notifications.Source.EVENT_STORE, "reply:p-1", "ada", NotificationKind.REPLY,
                "bob replied", "/api/community/discussions/d-1", AT)).isFalse();

        assertThat(only(Notifications.COLLECTION)).isEqualTo(new Document("_id", "reply:p-1")
                .append("source", "EVENT_STORE").append("recipientId", "ada").append("kind", "REPLY")
                .append("text", "bob replied").append("link", "/api/community/discussions/d-1")
                .append("at", Date.from(AT)).append("storedAt", Date.from(NOW)).append("read", true));
        assertThat(notifications.feed("ada", Set.of(), false, 0, 10)).containsExactly(new Notification("reply:p-1",
                "ada", NotificationKind.REPLY, "bob replied", "/api/community/discussions/d-1", AT, true));
        assertThat(notifications.feed("ada", Set.of(NotificationKind.REPLY), false, 0, 10)).isEmpty();
        assertThat(notifications.storedSince(List.of("ada"), NOW)).hasSize(1);
        assertThat(scratch.indexes(Notifications.COLLECTION)).contains(
                new Document("name", "by_recipient_newest").append("key",
                        new Document("recipientId", 1).append("at", -1)),
                new Document("name", "by_stored").append("key", new Document("storedAt", 1)));
    }

    @Test
    void showsNotification_whenStoredStaleFlagIsFalse() {
        database.getCollection(Notifications.COLLECTION).insertOne(new Document("_id", "mention:p-2:ada")
                .append("source", "STREAM").append("recipientId", "ada").append("kind", "MENTION")
                .append("text", "bob mentioned you").append("link", null).append("at", Date.from(AT))
                .append("stale", false).append("storedAt", Date.from(AT)).append("read", false));
        Notifications notifications = new Notifications(database, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(notifications.unread("ada", Set.of())).isEqualTo(1);
        assertThat(notifications.feed("ada", Set.of(), true, 0, 10)).containsExactly(new Notification(
                "mention:p-2:ada", "ada", NotificationKind.MENTION, "bob mentioned you", null, AT, false));
    }

    @Test
    void storesMutedKindsByNameInNameOrder_whenPersonMutes() {
        NotificationSettings settings = new NotificationSettings(database);

        settings.mute("ada", EnumSet.of(NotificationKind.REPLY, NotificationKind.MENTION));

        assertThat(only(NotificationSettings.COLLECTION)).isEqualTo(new Document("_id", "ada")
                .append("muted", List.of("MENTION", "REPLY")));
        assertThat(settings.muted("ada")).containsExactlyInAnyOrder(NotificationKind.REPLY, NotificationKind.MENTION);
        assertThat(settings.muted("bob")).isEmpty();
    }

    @Test
    void storesExpiryOnlyWhileLatestChangeHasOne_whenChangesArrive() {
        MasteryExpiries expiries = new MasteryExpiries(database);
        Instant expiresAt = AT.plusSeconds(86_400);

        assertThat(expiries.put(new LearnerId("ada"), new CompetencyId("comp-1"), 3, expiresAt, AT))
                .contains(new MasteryExpiry("ada", "comp-1", expiresAt, AT));
        assertThat(only(MasteryExpiries.COLLECTION)).isEqualTo(new Document("_id", "3:ada/comp-1")
                .append("learnerId", "ada").append("competencyId", "comp-1").append("position", 3L)
                .append("changedAt", Date.from(AT)).append("expiresAt", Date.from(expiresAt)));
        assertThat(expiries.between(AT, expiresAt)).hasSize(1);
        assertThat(scratch.indexes(MasteryExpiries.COLLECTION)).contains(
                new Document("name", "by_expiry").append("key", new Document("expiresAt", 1)));

        assertThat(expiries.put(new LearnerId("ada"), new CompetencyId("comp-1"), 2, null, AT)).isPresent();
        assertThat(expiries.put(new LearnerId("ada"), new CompetencyId("comp-1"), 4, null, AT)).isEmpty();
        assertThat(only(MasteryExpiries.COLLECTION)).doesNotContainKey("expiresAt");
        assertThat(expiries.between(AT, expiresAt)).isEmpty();
    }

    @Test
    void warnsOfNothing_whenStoredExpiryIsNull() {
        database.getCollection(MasteryExpiries.COLLECTION).insertOne(new Document("_id", "3:ada/comp-1")
                .append("learnerId", "ada").append("competencyId", "comp-1").append("position", 5L)
                .append("changedAt", Date.from(AT)).append("expiresAt", null));
        MasteryExpiries expiries = new MasteryExpiries(database);

        assertThat(expiries.put(new LearnerId("ada"), new CompetencyId("comp-1"), 5, AT.plusSeconds(60), AT))
                .isEmpty();
        expiries.erase(new LearnerId("ada"));
        assertThat(database.getCollection(MasteryExpiries.COLLECTION).countDocuments()).isZero();
    }
}
