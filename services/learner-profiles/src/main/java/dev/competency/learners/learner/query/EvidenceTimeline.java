package dev.competency.learners.learner.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.competency.learners.learner.domain.EvidenceAccepted;
import dev.competency.learners.learner.domain.EvidenceItem;
import dev.competency.learners.learner.domain.EvidenceVoided;
import dev.competency.learners.learner.domain.LearnerErased;
import dev.competency.learners.mastery.SourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every piece of evidence of every learner, voids marked, in fold order: the learner's timeline, and the input of
 * as-of and known-at queries, which refold it. Writes are keyed by learner and evidence id, so re-reads are harmless.
 *
 * <p>Reading a long timeline means decoding every entry (10,000 documents for a learner with 10,000 evidence), so
 * recently read timelines stay in memory. Each write also stamps the learner's entry in {@code
 * evidence_timeline_stamps} with a new random value; a read first fetches the stamp (one lookup by id) and uses the
 * kept timeline only when its stamp is the same. So every replica, whichever one applied the write, sees it at its
 * next read, and a rebuild, which drops the stamps, cannot be mistaken for the state before it.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class EvidenceTimeline {

    static final String COLLECTION = "evidence_timeline";
    static final String STAMPS = "evidence_timeline_stamps";
    private static final Comparator<Entry> FOLD_ORDER = Comparator.comparing((Entry e) -> e.evidence().occurredAt())
            .thenComparing(e -> e.evidence().recordedAt()).thenComparing(e -> e.evidence().evidenceId());

    private final MongoCollection<Document> timeline;
    private final MongoCollection<Document> stamps;
    private final Map<String, Kept> kept;

    EvidenceTimeline(MongoDatabase serviceDatabase,
            @Value("${learner-profiles.timeline-cache.max-learners:1000}") int maxKept) {
        this.timeline = serviceDatabase.getCollection(COLLECTION);
        this.stamps = serviceDatabase.getCollection(STAMPS);
        this.kept = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                return size() > maxKept;
            }
        });
        timeline.createIndex(Indexes.ascending("learnerId", "occurredAt"));
    }

    @EventHandler
    void on(EvidenceAccepted event) {
        EvidenceItem e = event.evidence();
        String id = event.learnerId() + "|" + e.evidenceId();
        Document existing = timeline.find(Filters.eq("_id", id)).first();
        Document document = new Document("_id", id)
                .append("learnerId", event.learnerId())
                .append("evidenceId", e.evidenceId())
                .append("competencyId", e.competencyId())
                .append("frameworkId", e.frameworkId())
                .append("frameworkVersion", e.frameworkVersion())
                .append("score", e.score())
                .append("sourceType", e.sourceType().name())
                .append("actorId", e.actorId())
                .append("occurredAt", Date.from(e.occurredAt()))
                .append("recordedAt", Date.from(e.recordedAt()))
                // Dates keep milliseconds; the exact instants keep the fold order identical to the learner's.
                .append("occurredAtExact", e.occurredAt().toString())
                .append("recordedAtExact", e.recordedAt().toString())
                .append("ratedLevel", e.ratedLevel())
                .append("acceptedAt", Date.from(event.acceptedAt()));
        if (existing != null && existing.get("voidedAt") != null) {
            document.append("voidedAt", existing.get("voidedAt")).append("voidReason", existing.get("voidReason"));
        }
        timeline.replaceOne(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true));
        stamp(event.learnerId());
    }

    @EventHandler
    void on(EvidenceVoided event) {
        timeline.updateOne(Filters.eq("_id", event.learnerId() + "|" + event.evidenceId()), Updates.combine(
                Updates.set("voidedAt", event.voidedAt().toString()), Updates.set("voidReason", event.reason())));
        stamp(event.learnerId());
    }

    /** After the write it marks: a read that sees the new stamp also sees the write. */
    private void stamp(String learnerId) {
        stamps.updateOne(Filters.eq("_id", learnerId), Updates.set("stamp", UUID.randomUUID().toString()),
                new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(LearnerErased event) {
        timeline.deleteMany(Filters.eq("learnerId", event.learnerId()));
        stamps.deleteOne(Filters.eq("_id", event.learnerId()));
        kept.remove(event.learnerId());
    }

    @ResetHandler
    void reset() {
        timeline.drop();
        stamps.drop();
        kept.clear();
        timeline.createIndex(Indexes.ascending("learnerId", "occurredAt"));
    }

    /** The learner's evidence in fold order, unmodifiable. */
    public List<Entry> of(String learnerId) {
        // The stamp first: a write between the two reads leaves a newer stamp, so the next read reloads.
        Document stampDocument = stamps.find(Filters.eq("_id", learnerId)).first();
        String stamp = stampDocument == null ? "" : stampDocument.getString("stamp");
        Kept cached = kept.get(learnerId);
        if (cached != null && cached.stamp().equals(stamp)) {
            return cached.entries();
        }
        List<Entry> entries = new ArrayList<>();
        timeline.find(Filters.eq("learnerId", learnerId)).forEach(d -> entries.add(toEntry(d)));
        entries.sort(FOLD_ORDER);
        List<Entry> result = Collections.unmodifiableList(entries);
        kept.put(learnerId, new Kept(stamp, result));
        return result;
    }

    /** A timeline as read when the learner's stamp was {@code stamp}. */
    private record Kept(String stamp, List<Entry> entries) {
    }

    private static Entry toEntry(Document d) {
        String voidedAt = d.getString("voidedAt");
        EvidenceItem item = new EvidenceItem(d.getString("evidenceId"), d.getString("competencyId"),
                d.getString("frameworkId"), d.getInteger("frameworkVersion"), d.getDouble("score"),
                SourceType.valueOf(d.getString("sourceType")), d.getString("actorId"),
                Instant.parse(d.getString("occurredAtExact")), Instant.parse(d.getString("recordedAtExact")),
                d.getString("ratedLevel"));
        return new Entry(item, voidedAt == null ? null : Instant.parse(voidedAt), d.getString("voidReason"));
    }

    /** A piece of evidence and, when it was voided, when and why. */
    public record Entry(EvidenceItem evidence, Instant voidedAt, String voidReason) {
    }
}
