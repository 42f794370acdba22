package dev.competency.learners.learner.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.DeleteManyModel;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import dev.competency.learners.learner.domain.EvidenceAccepted;
import dev.competency.learners.learner.domain.EvidenceItem;
import dev.competency.learners.learner.domain.EvidenceVoided;
import dev.competency.learners.learner.domain.LearnerErased;
import dev.competency.learners.mastery.Evidence;
import dev.competency.learners.mastery.SourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
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
 * recently read timelines stay in memory. Each write also gives the learner's stamp document (in the same
 * collection, {@code _id: {stamp: learnerId}}, written in the same round trip after the entry) a new random value; a
 * read first fetches the stamp (one lookup by id) and uses the kept timeline only when its stamp is the same. So
 * every replica, whichever one applied the write, sees it at its next read, and a rebuild, which drops the stamps
 * with the collection, cannot be mistaken for the state before it.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class EvidenceTimeline {

    static final String COLLECTION = "evidence_timeline";
    private static final Comparator<Entry> FOLD_ORDER = Comparator.comparing((Entry e) -> e.evidence().occurredAt())
            .thenComparing(e -> e.evidence().recordedAt()).thenComparing(e -> e.evidence().evidenceId());

    private static final ReplaceOptions REPLACE_OR_INSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> timeline;
    private final ReadModelWrites writes;
    private final Map<String, Kept> kept;

    EvidenceTimeline(MongoDatabase serviceDatabase, ReadModelWrites writes,
            @Value("${learner-profiles.timeline-cache.max-learners:1000}") int maxKept) {
        this.timeline = serviceDatabase.getCollection(COLLECTION);
        this.writes = writes;
        this.kept = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                return size() > maxKept;
            }
        });
        timeline.createIndex(Indexes.ascending("learnerId", "occurredAt"));
    }

    /**
     * The whole entry, inserted or, when redelivered, replaced. Not a {@code $set} of its fields: the embedded
     * server resolves the path of every field a {@code $set} names, which took a third of its time in a rebuild.
     * A replacement cannot drop a void: a learner voids only evidence it accepted before, and a processor handles
     * events again in their order, so the void is handled again after the acceptance. Written as a plain document
     * rather than with the driver's builders, which a rebuild would convert once more for each of millions of events.
     */
    @EventHandler
    void on(EvidenceAccepted event) {
        Document entry = entryOf(event);
        writeAndStamp(event.learnerId(), new ReplaceOneModel<>(new Document("_id", entry.get("_id")), entry,
                REPLACE_OR_INSERT));
    }

    /** The timeline entry of accepted evidence, as stored (before any void). */
    static Document entryOf(EvidenceAccepted event) {
        EvidenceItem e = event.evidence();
        return new Document("_id", event.learnerId() + "|" + e.evidenceId())
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
    }

    @EventHandler
    void on(EvidenceVoided event) {
        writeAndStamp(event.learnerId(), new UpdateOneModel<>(
                Filters.eq("_id", event.learnerId() + "|" + event.evidenceId()),
                new Document("$set", voidOf(event))));
    }

    /** The fields a void sets on the evidence's entry. */
    static Document voidOf(EvidenceVoided event) {
        return new Document("voidedAt", event.voidedAt().toString()).append("voidReason", event.reason());
    }

    /**
     * The write, then the stamp that marks it: a read that sees the stamp sees the write. A batch stamps each
     * learner once, after all its in-order writes ({@link ReadModelWrites} sends those first).
     */
    private void writeAndStamp(String learnerId, WriteModel<Document> write) {
        writes.inOrder(timeline, write);
        Document stamp = stampId(learnerId);
        writes.newest(timeline, stampKey(learnerId), 0, new ReplaceOneModel<>(new Document("_id", stamp),
                new Document("_id", stamp).append("stamp", UUID.randomUUID().toString()), REPLACE_OR_INSERT));
    }

    private static String stampKey(String learnerId) {
        return "stamp|" + learnerId;
    }

    private static Document stampId(String learnerId) {
        return new Document("stamp", learnerId);
    }

    @EventHandler
    void on(LearnerErased event) {
        // A pending stamp would be sent after the deletions and leave the learner's id behind.
        writes.discardNewest(timeline, stampKey(event.learnerId())::equals);
        writes.inOrder(timeline, new DeleteManyModel<>(Filters.eq("learnerId", event.learnerId())));
        writes.inOrder(timeline, new DeleteOneModel<>(Filters.eq("_id", stampId(event.learnerId()))));
        kept.remove(event.learnerId());
    }

    @ResetHandler
    void reset() {
        timeline.drop();
        kept.clear();
        timeline.createIndex(Indexes.ascending("learnerId", "occurredAt"));
    }

    /** The learner's evidence in fold order, unmodifiable. */
    public List<Entry> of(String learnerId) {
        return read(learnerId).entries();
    }

    /**
     * The learner's evidence by competency, in competency id order, each competency's in fold order; unmodifiable.
     * Kept with the timeline, so that queries that fold every competency do not group it again.
     */
    public SortedMap<String, List<Entry>> byCompetencyOf(String learnerId) {
        return read(learnerId).byCompetency();
    }

    private Kept read(String learnerId) {
        // The stamp first: a write between the two reads leaves a newer stamp, so the next read reloads.
        Document stampDocument = timeline.find(Filters.eq("_id", stampId(learnerId))).first();
        String stamp = stampDocument == null ? "" : stampDocument.getString("stamp");
        Kept cached = kept.get(learnerId);
        if (cached != null && cached.stamp().equals(stamp)) {
            return cached;
        }
        List<Entry> entries = new ArrayList<>();
        timeline.find(Filters.eq("learnerId", learnerId)).forEach(d -> entries.add(toEntry(d)));
        entries.sort(FOLD_ORDER);
        Kept read = new Kept(stamp, Collections.unmodifiableList(entries), byCompetency(entries));
        kept.put(learnerId, read);
        return read;
    }

    /** Groups entries by competency id, in competency id order, keeping their order within each; unmodifiable. */
    public static SortedMap<String, List<Entry>> byCompetency(List<Entry> entries) {
        SortedMap<String, List<Entry>> grouped = new TreeMap<>();
        for (Entry entry : entries) {
            grouped.computeIfAbsent(entry.evidence().competencyId(), c -> new ArrayList<>()).add(entry);
        }
        grouped.replaceAll((competencyId, own) -> Collections.unmodifiableList(own));
        return Collections.unmodifiableSortedMap(grouped);
    }

    /** A timeline as read when the learner's stamp was {@code stamp}. */
    private record Kept(String stamp, List<Entry> entries, SortedMap<String, List<Entry>> byCompetency) {
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

    /**
     * A piece of evidence and, when it was voided, when and why.
     *
     * @param forFold the evidence as the fold sees it, converted once because a kept timeline is folded by every
     *                query; not part of the API's timeline
     */
    public record Entry(EvidenceItem evidence, Instant voidedAt, String voidReason, @JsonIgnore Evidence forFold) {

        public Entry(EvidenceItem evidence, Instant voidedAt, String voidReason) {
            this(evidence, voidedAt, voidReason, evidence.toEvidence());
        }
    }
}
