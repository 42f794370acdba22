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
import dev.competency.learners.learner.domain.EvidenceAccepted;
import dev.competency.learners.learner.domain.EvidenceItem;
import dev.competency.learners.learner.domain.EvidenceVoided;
import dev.competency.learners.learner.domain.LearnerErased;
import dev.competency.learners.mastery.Evidence;
import dev.competency.learners.mastery.SourceType;
import dev.competency.platform.service.id.CompetencyId;
import dev.competency.platform.service.id.EvidenceId;
import dev.competency.platform.service.id.LearnerId;
import dev.competency.platform.service.mongo.RecordCollections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every piece of evidence of every learner, voids marked, in fold order: the learner's timeline, and the input of
 * as-of and known-at queries, which refold it. Writes are keyed by learner and evidence id, so re-reads are harmless.
 *
 * <p>Reading a long timeline means decoding every entry (10,000 documents for a learner with 10,000 evidence), so
 * recently read timelines stay in memory. Each entry holds the sequence number of the learner's event that last wrote
 * it (its acceptance, then its void), and the learner's stamp in {@value #STAMPS} the highest of those, written after
 * the entries in the same batch. A read fetches the stamp first (one lookup by id) and uses the kept timeline only
 * when the stamp equals what the kept timeline was read under: the stamp read before it, or the highest sequence
 * number among the entries it actually read, whichever is lower. So a timeline read while a write was under way, or
 * one that missed an entry its stamp already counted, is read again at the next read rather than kept.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class EvidenceTimeline {

    static final String COLLECTION = "evidence_timeline";
    /** The learners' stamps: {@code _id} the learner, {@code sequence} the highest sequence number of her entries. */
    static final String STAMPS = "evidence_timeline_stamps";
    private static final String SEQUENCE = "sequence";
    private static final Comparator<Entry> FOLD_ORDER = Comparator.comparing((Entry e) -> e.evidence().occurredAt())
            .thenComparing(e -> e.evidence().recordedAt()).thenComparing(e -> e.evidence().evidenceId());

    /** The stamp of a learner without one, and the highest sequence number of a timeline without entries. */
    private static final long NONE = -1;
    private static final ReplaceOptions REPLACE_OR_INSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<StoredEvidence> timeline;
    private final MongoCollection<Document> stamps;
    private final ReadModelWrites writes;
    private final Map<String, Kept> kept;

    EvidenceTimeline(MongoDatabase serviceDatabase, ReadModelWrites writes,
            @Value("${learner-profiles.timeline-cache.max-learners:1000}") int maxKept) {
        this.timeline = RecordCollections.collection(serviceDatabase, COLLECTION, StoredEvidence.class);
        this.stamps = serviceDatabase.getCollection(STAMPS);
        this.writes = writes;
        this.kept = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                return size() > maxKept;
            }
        });
        timeline.createIndex(Indexes.ascending(StoredEvidence.LEARNER_ID, StoredEvidence.OCCURRED_AT));
    }

    /**
     * A timeline entry as stored in {@code evidence_timeline}, keyed by learner and evidence id; public only because
     * the driver's record codec calls it. Dates keep milliseconds; the exact instants, kept beside them as text, keep
     * the fold order identical to the learner's. The void's time is text too. {@code sequence} is the sequence
     * number of the learner's event that last wrote the entry (null in entries stored before it was kept).
     */
    public record StoredEvidence(@BsonId String id, @BsonProperty(LEARNER_ID) LearnerId learnerId,
                                 @BsonProperty(EVIDENCE_ID) EvidenceId evidenceId, CompetencyId competencyId,
                                 String frameworkId, int frameworkVersion, double score, SourceType sourceType,
                                 String actorId, @BsonProperty(OCCURRED_AT) Instant occurredAt, Instant recordedAt,
                                 String occurredAtExact, String recordedAtExact, String ratedLevel,
                                 Instant acceptedAt, @BsonProperty(VOIDED_AT) String voidedAt,
                                 @BsonProperty(VOID_REASON) String voidReason, Long sequence) {
        static final String LEARNER_ID = "learnerId";
        static final String EVIDENCE_ID = "evidenceId";
        static final String OCCURRED_AT = "occurredAt";
        static final String VOIDED_AT = "voidedAt";
        static final String VOID_REASON = "voidReason";

        Entry entry() {
            EvidenceItem item = new EvidenceItem(evidenceId.value(), competencyId.value(), frameworkId,
                    frameworkVersion, score, sourceType, actorId, Instant.parse(occurredAtExact),
                    Instant.parse(recordedAtExact), ratedLevel);
            return new Entry(item, voidedAt == null ? null : Instant.parse(voidedAt), voidReason);
        }
    }

    /**
     * The whole entry, inserted or, when redelivered, replaced. Not a {@code $set} of its fields: the embedded
     * server resolves the path of every field a {@code $set} names, which took a third of its time in a rebuild.
     * A replacement cannot drop a void: a learner voids only evidence it accepted before, and a processor handles
     * events again in their order, so the void is handled again after the acceptance. The filter is a plain document
     * rather than one of the driver's builders, which a rebuild would convert once more for each of millions of events.
     */
    @EventHandler
    void on(EvidenceAccepted event, @SequenceNumber long sequence) {
        StoredEvidence entry = entryOf(event, sequence);
        writes.inOrder(timeline, new ReplaceOneModel<>(new Document("_id", entry.id()), entry, REPLACE_OR_INSERT));
        stamp(event.learnerId(), sequence);
    }

    /** The timeline entry of accepted evidence, as stored (before any void). */
    static StoredEvidence entryOf(EvidenceAccepted event, long sequence) {
        EvidenceItem e = event.evidence();
        return new StoredEvidence(event.learnerId() + "|" + e.evidenceId(), new LearnerId(event.learnerId()),
                new EvidenceId(e.evidenceId()), new CompetencyId(e.competencyId()), e.frameworkId(),
                e.frameworkVersion(), e.score(), e.sourceType(), e.actorId(), e.occurredAt(), e.recordedAt(),
                e.occurredAt().toString(), e.recordedAt().toString(), e.ratedLevel(), event.acceptedAt(), null, null,
                sequence);
    }

    @EventHandler
    void on(EvidenceVoided event, @SequenceNumber long sequence) {
        writes.inOrder(timeline, new UpdateOneModel<>(Filters.eq("_id", event.learnerId() + "|" + event.evidenceId()),
                new Document("$set", voidOf(event, sequence))));
        stamp(event.learnerId(), sequence);
    }

    /** The fields a void sets on the evidence's entry. */
    static Document voidOf(EvidenceVoided event, long sequence) {
        return new Document(StoredEvidence.VOIDED_AT, event.voidedAt().toString())
                .append(StoredEvidence.VOID_REASON, event.reason()).append(SEQUENCE, sequence);
    }

    /**
     * The learner's stamp, raised to {@code sequence}: sent after the batch's entries (the batch sends collections in
     * the order it first wrote them), and only the highest of a batch; an insert refused as a duplicate means that a
     * higher stamp is stored already.
     */
    private void stamp(String learnerId, long sequence) {
        writes.newest(stamps, learnerId, sequence, new ReplaceOneModel<>(
                new Document("_id", learnerId).append(SEQUENCE, new Document("$lt", sequence)),
                new Document("_id", learnerId).append(SEQUENCE, sequence), REPLACE_OR_INSERT));
    }

    @EventHandler
    void on(LearnerErased event) {
        writes.inOrder(timeline, new DeleteManyModel<>(Filters.eq(StoredEvidence.LEARNER_ID, event.learnerId())));
        // A pending stamp would be sent after the deletion and stay behind.
        writes.discardNewest(stamps, event.learnerId()::equals);
        writes.inOrder(stamps, new DeleteOneModel<>(new Document("_id", event.learnerId())));
        kept.remove(event.learnerId());
    }

    @ResetHandler
    void reset() {
        timeline.drop();
        stamps.drop();
        kept.clear();
        timeline.createIndex(Indexes.ascending(StoredEvidence.LEARNER_ID, StoredEvidence.OCCURRED_AT));
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
        Document stampDocument = stamps.find(new Document("_id", learnerId)).first();
        long stamp = stampDocument == null ? NONE : stampDocument.getLong(SEQUENCE);
        Kept cached = kept.get(learnerId);
        if (cached != null && cached.sequence() == stamp) {
            return cached;
        }
        List<Entry> entries = new ArrayList<>();
        long highestRead = NONE;
        for (StoredEvidence stored : timeline.find(Filters.eq(StoredEvidence.LEARNER_ID, learnerId))) {
            entries.add(stored.entry());
            highestRead = Math.max(highestRead, stored.sequence() == null ? NONE : stored.sequence());
        }
        entries.sort(FOLD_ORDER);
        Kept read = new Kept(Math.min(stamp, highestRead), Collections.unmodifiableList(entries),
                byCompetency(entries));
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

    /** A timeline as read, and the stamp it is valid under (see the class comment). */
    private record Kept(long sequence, List<Entry> entries, SortedMap<String, List<Entry>> byCompetency) {
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
