package dev.competency.community.notification.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.competency.community.notification.domain.MasteryExpiry;
import dev.competency.platform.service.id.CompetencyId;
import dev.competency.platform.service.id.LearnerId;
import dev.competency.platform.service.mongo.RecordCollections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

/**
 * The expiry of every learner's latest mastery per competency, in the order of {@code competency.mastery.v1} (by
 * offset: one learner's changes share a partition). A later change replaces an earlier one; a change that is not
 * mastered, or has no expiry, leaves nothing to warn about. Rebuilt by reading the topic again.
 */
public class MasteryExpiries {

    static final String COLLECTION = "mastery_expiries";

    private final MongoCollection<Stored> expiries;

    public MasteryExpiries(MongoDatabase database) {
        this.expiries = RecordCollections.collection(database, COLLECTION, Stored.class);
        createIndexes();
    }

    /** The latest change as stored, keyed by learner id length, learner and competency; public for the codec. */
    public record Stored(@BsonId String id, @BsonProperty(LEARNER_ID) LearnerId learnerId, CompetencyId competencyId,
                         long position, Instant changedAt, @BsonProperty(EXPIRES_AT) Instant expiresAt) {
        static final String LEARNER_ID = "learnerId";
        static final String EXPIRES_AT = "expiresAt";

        static String key(LearnerId learnerId, CompetencyId competencyId) {
            return learnerId.value().length() + ":" + learnerId.value() + "/" + competencyId.value();
        }

        Optional<MasteryExpiry> expiry() {
            return expiresAt == null ? Optional.empty() : Optional.of(new MasteryExpiry(learnerId.value(),
                    competencyId.value(), expiresAt, changedAt));
        }
    }

    /**
     * Keeps a mastery change unless a later one of the stream is kept already.
     *
     * @param expiresAt when the mastery lapses; null when the change is not mastered or does not expire
     * @return the expiry kept for the learner and competency after this change, if any
     */
    public Optional<MasteryExpiry> put(LearnerId learnerId, CompetencyId competencyId, long position,
                                       Instant expiresAt, Instant changedAt) {
        String id = Stored.key(learnerId, competencyId);
        Stored current = expiries.find(Filters.eq("_id", id)).first();
        if (current != null && current.position() >= position) {
            return current.expiry();
        }
        Stored next = new Stored(id, learnerId, competencyId, position, changedAt, expiresAt);
        expiries.replaceOne(Filters.eq("_id", id), next, new ReplaceOptions().upsert(true));
        return next.expiry();
    }

    /** The expiries after {@code after} and at or before {@code until}, soonest first. */
    public List<MasteryExpiry> between(Instant after, Instant until) {
        List<MasteryExpiry> found = new ArrayList<>();
        expiries.find(Filters.and(Filters.gt(Stored.EXPIRES_AT, after), Filters.lte(Stored.EXPIRES_AT, until)))
                .sort(Sorts.ascending(Stored.EXPIRES_AT)).forEach(stored -> stored.expiry().ifPresent(found::add));
        return found;
    }

    public void erase(LearnerId learnerId) {
        expiries.deleteMany(Filters.eq(Stored.LEARNER_ID, learnerId));
    }

    /** Drops the expiries before they are read again from the start of the stream. */
    public void drop() {
        expiries.drop();
        createIndexes();
    }

    private void createIndexes() {
        expiries.createIndex(Indexes.ascending(Stored.EXPIRES_AT), new IndexOptions().name("by_expiry"));
    }
}
