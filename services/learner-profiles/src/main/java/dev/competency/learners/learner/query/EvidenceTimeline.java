package dev.competency.learners.learner.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.DeleteManyModel;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
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
 * recently read timelines stay in memory. A read first fetches only the ids and void times of the learner's entries
 * and uses the kept timeline only when they are exactly those it holds: an entry's other fields never change, so the
 * kept timeline is then the stored one. The check looks at the entries themselves, never at a marker written beside
 * them, so a read that overlaps a write (or a replica that did not apply it, or a rebuild) cannot keep a timeline
 * that misses an entry: at worst it decodes the timeline again.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class EvidenceTimeline {

    static final String COLLECTION = "evidence_timeline";
    private static final Comparator<Entry> FOLD_ORDER = Comparator.comparing((Entry e) -> e.evidence().occurredAt())
            .thenComparing(e -> e.evidence().recordedAt()).thenComparing(e -> e.evidence().evidenceId());

    private static final ReplaceOptions REPLACE_OR_INSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<StoredEvidence> timeline;
    private final ReadModelWrites writes;
    private final Map<String, Kept> kept;

    EvidenceTimeline(MongoDatabase serviceDatabase, ReadModelWrites writes,
            @Value("${learner-profiles.timeline-cache.max-learners:1000}") int maxKept) {
        this.timeline = RecordCollections.collection(serviceDatabase, COLLECTION, StoredEvidence.class);
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
     * the fold order identical to the learner's. The void's time is text too.
     */
    public record StoredEvidence(@BsonId String id, @BsonProperty(LEARNER_ID) LearnerId learnerId,
                                 @BsonProperty(EVIDENCE_ID) EvidenceId evidenceId, CompetencyId competencyId,
                                 String frameworkId, int frameworkVersion, double score, SourceType sourceType,
                                 String actorId, @BsonProperty(OCCURRED_AT) Instant occurredAt, Instant recordedAt,
                                 String occurredAtExact, String recordedAtExact, String ratedLevel,
                                 Instant acceptedAt, @BsonProperty(VOIDED_AT) String voidedAt,
                                 @BsonProperty(VOID_REASON) String voidReason) {
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
    void on(EvidenceAccepted event) {
        StoredEvidence entry = entryOf(event);
        writes.inOrder(timeline, new ReplaceOneModel<>(new Document("_id", entry.id()), entry, REPLACE_OR_INSERT));
    }

    /** The timeline entry of accepted evidence, as stored (before any void). */
    static StoredEvidence entryOf(EvidenceAccepted event) {
        EvidenceItem e = event.evidence();
        return new StoredEvidence(event.learnerId() + "|" + e.evidenceId(), new LearnerId(event.learnerId()),
                new EvidenceId(e.evidenceId()), new CompetencyId(e.competencyId()), e.frameworkId(),
                e.frameworkVersion(), e.score(), e.sourceType(), e.actorId(), e.occurredAt(), e.recordedAt(),
                e.occurredAt().toString(), e.recordedAt().toString(), e.ratedLevel(), event.acceptedAt(), null, null);
    }

    @EventHandler
    void on(EvidenceVoided event) {
        writes.inOrder(timeline, new UpdateOneModel<>(Filters.eq("_id", event.learnerId() + "|" + event.evidenceId()),
                new Document("$set", voidOf(event))));
    }

    /** The fields a void sets on the evidence's entry. */
    static Document voidOf(EvidenceVoided event) {
        return new Document(StoredEvidence.VOIDED_AT, event.voidedAt().toString())
                .append(StoredEvidence.VOID_REASON, event.reason());
    }

    @EventHandler
    void on(LearnerErased event) {
        writes.inOrder(timeline, new DeleteManyModel<>(Filters.eq(StoredEvidence.LEARNER_ID, event.learnerId())));
        kept.remove(event.learnerId());
    }

    @ResetHandler
    void reset() {
        timeline.drop();
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
        Kept cached = kept.get(learnerId);
        if (cached != null) {
            List<String> stored = new ArrayList<>();
            timeline.find(Filters.eq(StoredEvidence.LEARNER_ID, learnerId), Document.class)
                    .projection(Projections.include(StoredEvidence.VOIDED_AT))
                    .forEach(d -> stored.add(versionOf(d.getString("_id"), d.getString(StoredEvidence.VOIDED_AT))));
            if (cached.digest().equals(digestOf(stored))) {
                return cached;
            }
        }
        List<Entry> entries = new ArrayList<>();
        timeline.find(Filters.eq(StoredEvidence.LEARNER_ID, learnerId)).forEach(stored -> entries.add(stored.entry()));
        entries.sort(FOLD_ORDER);
        Kept read = new Kept(digestOf(versionsOf(learnerId, entries)), Collections.unmodifiableList(entries),
                byCompetency(entries));
        kept.put(learnerId, read);
        return read;
    }

    /** What tells one stored state of an entry from another: its id and, once voided, when. */
    private static String versionOf(String entryId, String voidedAt) {
        return voidedAt == null ? entryId : entryId + "|voided " + voidedAt;
    }

    private static List<String> versionsOf(String learnerId, List<Entry> entries) {
        List<String> versions = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            versions.add(versionOf(learnerId + "|" + entry.evidence().evidenceId(),
                    entry.voidedAt() == null ? null : entry.voidedAt().toString()));
        }
        return versions;
    }

    /** A SHA-256 digest of the versions in sorted order: 32 bytes kept per timeline instead of every id. */
    private static String digestOf(List<String> versions) {
        Collections.sort(versions);
        MessageDigest digest = sha256();
        for (String version : versions) {
            digest.update(version.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
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

    /** A timeline as read, with the {@linkplain #digestOf digest} of its entries' {@linkplain #versionOf versions}. */
    private record Kept(String digest, List<Entry> entries, SortedMap<String, List<Entry>> byCompetency) {
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
