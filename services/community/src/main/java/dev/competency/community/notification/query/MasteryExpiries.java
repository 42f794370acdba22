package dev.competency.community.notification.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import dev.competency.community.notification.domain.MasteryExpiry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The expiry of every learner's latest mastery per competency, in the order of {@code competency.mastery.v1} (by
 * offset: one learner's changes share a partition). A later change replaces an earlier one; a change that is not
 * mastered, or has no expiry, leaves nothing to warn about. Rebuilt by reading the topic again.
 */
public class MasteryExpiries {

    static final String COLLECTION = "mastery_expiries";

    private final MongoCollection<Document> expiries;

    public MasteryExpiries(MongoDatabase database) {
        this.expiries = database.getCollection(COLLECTION);
        createIndexes();
    }

    /** A text key, unambiguous for any ids (the learner id's length first). */
    private static String id(String learnerId, String competencyId) {
        return learnerId.length() + ":" + learnerId + "/" + competencyId;
    }

    /**
     * Keeps a mastery change unless a later one of the stream is kept already.
     *
     * @param expiresAt when the mastery lapses; null when the change is not mastered or does not expire
     * @return the expiry kept for the learner and competency after this change, if any
     */
    public Optional<MasteryExpiry> put(String learnerId, String competencyId, long position, Instant expiresAt,
                                      Instant changedAt) {
        String id = id(learnerId, competencyId);
        Document current = expiries.find(Filters.eq("_id", id)).first();
        if (current != null && current.getLong("position") >= position) {
            return expiry(current);
        }
        Document next = new Document("_id", id).append("learnerId", learnerId).append("competencyId", competencyId)
                .append("position", position).append("changedAt", Date.from(changedAt))
                .append("expiresAt", expiresAt == null ? null : Date.from(expiresAt));
        expiries.replaceOne(Filters.eq("_id", id), next, new ReplaceOptions().upsert(true));
        return expiry(next);
    }

    /** The expiries after {@code after} and at or before {@code until}, soonest first. */
    public List<MasteryExpiry> between(Instant after, Instant until) {
        List<MasteryExpiry> found = new ArrayList<>();
        expiries.find(Filters.and(Filters.gt("expiresAt", Date.from(after)), Filters.lte("expiresAt", Date.from(until))))
                .sort(new Document("expiresAt", 1)).forEach(document -> expiry(document).ifPresent(found::add));
        return found;
    }

    public void erase(String learnerId) {
        expiries.deleteMany(Filters.eq("learnerId", learnerId));
    }

    /** Drops the expiries before they are read again from the start of the stream. */
    public void drop() {
        expiries.drop();
        createIndexes();
    }

    private void createIndexes() {
        expiries.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().name("by_expiry"));
    }

    private static Optional<MasteryExpiry> expiry(Document document) {
        Date expiresAt = document.getDate("expiresAt");
        return expiresAt == null ? Optional.empty() : Optional.of(new MasteryExpiry(document.getString("learnerId"),
                document.getString("competencyId"), expiresAt.toInstant(), document.getDate("changedAt").toInstant()));
    }
}
