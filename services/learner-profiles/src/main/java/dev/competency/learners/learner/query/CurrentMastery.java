package dev.competency.learners.learner.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.DeleteManyModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import dev.competency.learners.learner.domain.LearnerErased;
import dev.competency.learners.learner.domain.MasteryRecalculated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The last recorded mastery of each learner on each competency. A redelivered or older event (by the learner's
 * sequence number) changes nothing, so replays and re-reads after a crash are harmless.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class CurrentMastery {

    static final String COLLECTION = "current_mastery";

    private final MongoCollection<Document> mastery;
    private final ReadModelWrites writes;

    CurrentMastery(MongoDatabase serviceDatabase, ReadModelWrites writes) {
        this.mastery = serviceDatabase.getCollection(COLLECTION);
        this.writes = writes;
        mastery.createIndex(Indexes.ascending("learnerId"));
    }

    /**
     * Replaces the entry only when it is older than this event, and inserts it when there is none; of a batch's
     * changes to one entry only the newest is sent ({@link ReadModelWrites}). When a newer (or this) change is
     * stored, the filter matches nothing and the upsert's insert meets the existing id: that duplicate-key refusal
     * is the expected "already newer" answer, not an error.
     */
    @EventHandler
    void on(MasteryRecalculated event, @SequenceNumber long sequenceNumber, @Timestamp Instant storedAt) {
        String id = event.learnerId() + "|" + event.competencyId();
        Document document = new Document("_id", id)
                .append("learnerId", event.learnerId())
                .append("competencyId", event.competencyId())
                .append("frameworkId", event.frameworkId())
                .append("frameworkVersion", event.frameworkVersion())
                .append("policyVersion", event.policyVersion())
                .append("method", event.method())
                .append("level", event.level())
                .append("score", event.score())
                .append("mastered", event.mastered())
                .append("evidenceCount", event.evidenceCount())
                .append("expiresAt", event.expiresAt() == null ? null : Date.from(event.expiresAt()))
                .append("changedAt", Date.from(storedAt))
                .append("sequence", sequenceNumber);
        writes.newest(mastery, id, sequenceNumber, new ReplaceOneModel<>(
                Filters.and(Filters.eq("_id", id), Filters.lt("sequence", sequenceNumber)), document,
                new ReplaceOptions().upsert(true)));
    }

    @EventHandler
    void on(LearnerErased event) {
        writes.discardNewest(mastery, id -> id.startsWith(event.learnerId() + "|"));
        writes.inOrder(mastery, new DeleteManyModel<>(Filters.eq("learnerId", event.learnerId())));
    }

    @ResetHandler
    void reset() {
        mastery.drop();
        mastery.createIndex(Indexes.ascending("learnerId"));
    }

    public List<Entry> of(String learnerId) {
        List<Entry> entries = new ArrayList<>();
        mastery.find(Filters.eq("learnerId", learnerId)).forEach(d -> entries.add(toEntry(d)));
        entries.sort((a, b) -> a.competencyId().compareTo(b.competencyId()));
        return entries;
    }

    private static Entry toEntry(Document d) {
        Date expiresAt = d.getDate("expiresAt");
        return new Entry(d.getString("learnerId"), d.getString("competencyId"), d.getString("frameworkId"),
                d.getInteger("frameworkVersion"), d.getInteger("policyVersion"), d.getString("method"),
                d.getString("level"), d.getDouble("score"), d.getBoolean("mastered"), d.getInteger("evidenceCount"),
                expiresAt == null ? null : expiresAt.toInstant(), d.getDate("changedAt").toInstant());
    }

    /** One learner × competency as last recorded (before read-time decay and expiry). */
    public record Entry(String learnerId, String competencyId, String frameworkId, int frameworkVersion,
                        int policyVersion, String method, String level, Double score, boolean mastered,
                        int evidenceCount, Instant expiresAt, Instant changedAt) {
    }
}
