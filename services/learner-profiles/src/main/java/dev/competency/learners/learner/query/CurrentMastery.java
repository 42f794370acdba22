package dev.competency.learners.learner.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.DeleteManyModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.competency.learners.learner.domain.FrameworkVersionAdopted;
import dev.competency.learners.learner.domain.LearnerErased;
import dev.competency.learners.learner.domain.MasteryRecalculated;
import dev.competency.learners.learner.domain.ParentMasteryRolledUp;
import dev.competency.learners.learner.domain.ParentRollupEnded;
import dev.competency.learners.mastery.RollupPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The last recorded mastery of each learner on each competency: the result folded from its evidence and, for a
 * parent its framework version rolls up from its children, the roll-up. A redelivered or older event (by the
 * learner's sequence number) changes nothing, so replays and re-reads after a crash are harmless.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class CurrentMastery {

    static final String COLLECTION = "current_mastery";
    static final String ROLLUPS = "current_rollups";
    static final String ADOPTED_VERSIONS = "adopted_versions";

    private final MongoCollection<Document> mastery;
    private final MongoCollection<Document> rollups;
    private final MongoCollection<Document> adoptedVersions;
    private final ReadModelWrites writes;

    CurrentMastery(MongoDatabase serviceDatabase, ReadModelWrites writes) {
        this.mastery = serviceDatabase.getCollection(COLLECTION);
        this.rollups = serviceDatabase.getCollection(ROLLUPS);
        this.adoptedVersions = serviceDatabase.getCollection(ADOPTED_VERSIONS);
        this.writes = writes;
        createIndexes();
    }

    private void createIndexes() {
        mastery.createIndex(Indexes.ascending("learnerId"));
        rollups.createIndex(Indexes.ascending("learnerId"));
        adoptedVersions.createIndex(Indexes.ascending("learnerId"));
    }

    @EventHandler
    void on(MasteryRecalculated event, @SequenceNumber long sequenceNumber, @Timestamp Instant storedAt) {
        replaceIfOlder(mastery, entryOf(event, sequenceNumber, storedAt));
    }

    /** The entry of the learner's competency as this change records it. */
    static Document entryOf(MasteryRecalculated event, long sequenceNumber, Instant storedAt) {
        return entry(event.learnerId(), event.competencyId(), sequenceNumber, storedAt,
                new Document("frameworkId", event.frameworkId())
                        .append("frameworkVersion", event.frameworkVersion())
                        .append("policyVersion", event.policyVersion())
                        .append("method", event.method())
                        .append("level", event.level())
                        .append("score", event.score())
                        .append("mastered", event.mastered())
                        .append("evidenceCount", event.evidenceCount())
                        .append("expiresAt", event.expiresAt() == null ? null : Date.from(event.expiresAt())));
    }

    /** A parent's roll-up, kept beside its folded result (a parent may have evidence of its own). */
    @EventHandler
    void on(ParentMasteryRolledUp event, @SequenceNumber long sequenceNumber, @Timestamp Instant storedAt) {
        replaceIfOlder(rollups, rollupOf(event, sequenceNumber, storedAt));
    }

    /** The roll-up entry of the learner's parent as this change records it. */
    static Document rollupOf(ParentMasteryRolledUp event, long sequenceNumber, Instant storedAt) {
        return entry(event.learnerId(), event.competencyId(), sequenceNumber, storedAt,
                new Document("frameworkId", event.frameworkId())
                        .append("frameworkVersion", event.frameworkVersion())
                        .append("rule", event.rule())
                        .append("level", event.level())
                        .append("mastered", event.mastered())
                        .append("points", event.points())
                        .append("pointsTarget", event.pointsTarget()));
    }

    /**
     * The roll-up ended: kept as a marker with the event's sequence number rather than deleted, so that a
     * redelivered older roll-up cannot bring it back.
     */
    @EventHandler
    void on(ParentRollupEnded event, @SequenceNumber long sequenceNumber, @Timestamp Instant storedAt) {
        replaceIfOlder(rollups, rollupEndedOf(event, sequenceNumber, storedAt));
    }

    /** The marker of an ended roll-up. */
    static Document rollupEndedOf(ParentRollupEnded event, long sequenceNumber, Instant storedAt) {
        return entry(event.learnerId(), event.competencyId(), sequenceNumber, storedAt, new Document("ended", true));
    }

    /**
     * Replaces the learner's entry for the competency only when it is older than this event, and inserts it when
     * there is none; of a batch's changes to one entry only the newest is sent ({@link ReadModelWrites}). When a
     * newer (or this) change is stored, the filter matches nothing and the upsert's insert meets the existing id:
     * that duplicate-key refusal is the expected "already newer" answer, not an error.
     */
    private void replaceIfOlder(MongoCollection<Document> collection, Document document) {
        String id = document.getString("_id");
        long sequenceNumber = document.getLong("sequence");
        writes.newest(collection, id, sequenceNumber, new ReplaceOneModel<>(
                new Document("_id", id).append("sequence", new Document("$lt", sequenceNumber)), document,
                new ReplaceOptions().upsert(true)));
    }

    private static Document entry(String learnerId, String competencyId, long sequenceNumber, Instant storedAt,
            Document values) {
        Document document = new Document("_id", learnerId + "|" + competencyId)
                .append("learnerId", learnerId)
                .append("competencyId", competencyId);
        document.putAll(values);
        return document.append("changedAt", Date.from(storedAt)).append("sequence", sequenceNumber);
    }

    /**
     * The newest framework version the learner's mastery moved to. An adoption that changes no result records no
     * mastery, yet the version's rules (its roll-ups above all) apply from then on. Kept with {@code $max}, so
     * replays and any order of writes leave the newest.
     */
    @EventHandler
    void on(FrameworkVersionAdopted event) {
        String id = event.learnerId() + "|" + event.frameworkId();
        writes.inOrder(adoptedVersions, new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(
                Updates.setOnInsert("learnerId", event.learnerId()),
                Updates.setOnInsert("frameworkId", event.frameworkId()),
                Updates.max("version", event.version())), new UpdateOptions().upsert(true)));
    }

    /** The entry a single adoption would leave: the newest of several stays. */
    static Document adoptedVersionOf(FrameworkVersionAdopted event) {
        return new Document("_id", event.learnerId() + "|" + event.frameworkId())
                .append("learnerId", event.learnerId())
                .append("frameworkId", event.frameworkId())
                .append("version", event.version());
    }

    @EventHandler
    void on(LearnerErased event) {
        for (MongoCollection<Document> collection : List.of(mastery, rollups, adoptedVersions)) {
            writes.discardNewest(collection, id -> id.startsWith(event.learnerId() + "|"));
            writes.inOrder(collection, new DeleteManyModel<>(Filters.eq("learnerId", event.learnerId())));
        }
    }

    @ResetHandler
    void reset() {
        mastery.drop();
        rollups.drop();
        adoptedVersions.drop();
        createIndexes();
    }

    /** The results folded from the learner's evidence, by competency; rolled-up parents are not among them. */
    public List<Entry> of(String learnerId) {
        List<Entry> entries = new ArrayList<>();
        mastery.find(Filters.eq("learnerId", learnerId)).forEach(d -> entries.add(toEntry(d)));
        entries.sort(Comparator.comparing(Entry::competencyId));
        return entries;
    }

    /**
     * The learner's mastery per competency as the profile shows it: a parent rolled up from its children takes the
     * place of the result folded from its own evidence, as in the mastery queries.
     */
    public List<Entry> effectiveOf(String learnerId) {
        Map<String, Entry> entries = new TreeMap<>();
        of(learnerId).forEach(entry -> entries.put(entry.competencyId(), entry));
        rollupsOf(learnerId).forEach(entry -> entries.put(entry.competencyId(), entry));
        return new ArrayList<>(entries.values());
    }

    /** The learner's parents as last rolled up from their children, leaving out the roll-ups that ended. */
    public List<Entry> rollupsOf(String learnerId) {
        List<Entry> entries = new ArrayList<>();
        rollups.find(Filters.and(Filters.eq("learnerId", learnerId), Filters.ne("ended", true)))
                .forEach(d -> entries.add(toRollupEntry(d)));
        entries.sort(Comparator.comparing(Entry::competencyId));
        return entries;
    }

    /** The newest framework version the learner adopted, by framework. */
    public Map<String, Integer> adoptedVersionsOf(String learnerId) {
        Map<String, Integer> versions = new HashMap<>();
        adoptedVersions.find(Filters.eq("learnerId", learnerId))
                .forEach(d -> versions.put(d.getString("frameworkId"), d.getInteger("version")));
        return versions;
    }

    private static Entry toEntry(Document d) {
        Date expiresAt = d.getDate("expiresAt");
        return new Entry(d.getString("learnerId"), d.getString("competencyId"), d.getString("frameworkId"),
                d.getInteger("frameworkVersion"), d.getInteger("policyVersion"), d.getString("method"),
                d.getString("level"), d.getDouble("score"), d.getBoolean("mastered"), d.getInteger("evidenceCount"),
                expiresAt == null ? null : expiresAt.toInstant(), d.getDate("changedAt").toInstant(), false, null,
                null);
    }

    private static Entry toRollupEntry(Document d) {
        return new Entry(d.getString("learnerId"), d.getString("competencyId"), d.getString("frameworkId"),
                d.getInteger("frameworkVersion"), null, RollupPolicy.methodLabel(d.getString("rule")),
                d.getString("level"), null, d.getBoolean("mastered"), null, null, d.getDate("changedAt").toInstant(),
                true, d.getInteger("points"), d.getDouble("pointsTarget"));
    }

    /**
     * One learner × competency as last recorded (before read-time decay and expiry).
     *
     * @param policyVersion null for a rolled-up parent, which has no mastery policy of its own
     * @param evidenceCount null for a rolled-up parent
     * @param rolledUp      whether the entry is a parent rolled up from its children
     * @param points        a rolled-up parent's points, else null
     * @param pointsTarget  the target of a {@code POINTS} roll-up, else null
     */
    public record Entry(String learnerId, String competencyId, String frameworkId, int frameworkVersion,
                        Integer policyVersion, String method, String level, Double score, boolean mastered,
                        Integer evidenceCount, Instant expiresAt, Instant changedAt, boolean rolledUp, Integer points,
                        Double pointsTarget) {
    }
}
