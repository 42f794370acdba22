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
import dev.competency.platform.service.id.CompetencyId;
import dev.competency.platform.service.id.LearnerId;
import dev.competency.platform.service.mongo.RecordCollections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
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
    /** Fields of several collections here: the learner, an entry's competency and a guarded entry's sequence number. */
    static final String LEARNER_ID = "learnerId";
    static final String SEQUENCE = "sequence";
    static final String COMPETENCY_ID = "competencyId";

    private final MongoCollection<StoredMastery> mastery;
    private final MongoCollection<StoredRollup> rollups;
    private final MongoCollection<StoredAdoption> adoptedVersions;
    private final ReadModelWrites writes;

    CurrentMastery(MongoDatabase serviceDatabase, ReadModelWrites writes) {
        this.mastery = RecordCollections.collection(serviceDatabase, COLLECTION, StoredMastery.class);
        this.rollups = RecordCollections.collection(serviceDatabase, ROLLUPS, StoredRollup.class);
        this.adoptedVersions = RecordCollections.collection(serviceDatabase, ADOPTED_VERSIONS, StoredAdoption.class);
        this.writes = writes;
        createIndexes();
    }

    private void createIndexes() {
        mastery.createIndex(Indexes.ascending(LEARNER_ID));
        rollups.createIndex(Indexes.ascending(LEARNER_ID));
        adoptedVersions.createIndex(Indexes.ascending(LEARNER_ID));
    }

    /**
     * The folded result of one learner's competency in {@code current_mastery}. The stored records are public only
     * because the driver's record codec calls them.
     */
    public record StoredMastery(@BsonId String id, @BsonProperty(LEARNER_ID) LearnerId learnerId,
                                @BsonProperty(COMPETENCY_ID) CompetencyId competencyId, String frameworkId,
                                int frameworkVersion, int policyVersion,
                                String method, String level, Double score, boolean mastered, int evidenceCount,
                                Instant expiresAt, Instant changedAt, @BsonProperty(SEQUENCE) long sequence) {
        Entry entry() {
            return new Entry(learnerId.value(), competencyId.value(), frameworkId, frameworkVersion, policyVersion,
                    method, level, score, mastered, evidenceCount, expiresAt, changedAt, false, null, null);
        }
    }

    /**
     * A parent's roll-up in {@code current_rollups}, or the marker of an ended one ({@code ended}, with only the
     * keys, the time and the sequence number).
     */
    public record StoredRollup(@BsonId String id, @BsonProperty(LEARNER_ID) LearnerId learnerId,
                               @BsonProperty(COMPETENCY_ID) CompetencyId competencyId, String frameworkId,
                               Integer frameworkVersion, String rule,
                               String level, Boolean mastered, Integer points, Double pointsTarget,
                               @BsonProperty(ENDED) Boolean ended, Instant changedAt,
                               @BsonProperty(SEQUENCE) long sequence) {
        static final String ENDED = "ended";

        Entry entry() {
            return new Entry(learnerId.value(), competencyId.value(), frameworkId, frameworkVersion, null,
                    RollupPolicy.methodLabel(rule), level, null, mastered, null, null, changedAt, true, points,
                    pointsTarget);
        }
    }

    /** The newest framework version a learner adopted, in {@code adopted_versions}. */
    public record StoredAdoption(@BsonId String id, @BsonProperty(LEARNER_ID) LearnerId learnerId,
                                 @BsonProperty(FRAMEWORK_ID) String frameworkId, @BsonProperty(VERSION) int version) {
        static final String FRAMEWORK_ID = "frameworkId";
        static final String VERSION = "version";
    }

    @EventHandler
    void on(MasteryRecalculated event, @SequenceNumber long sequenceNumber, @Timestamp Instant storedAt) {
        replaceIfOlder(mastery, id(event.learnerId(), event.competencyId()), sequenceNumber,
                entryOf(event, sequenceNumber, storedAt));
    }

    /** The entry of the learner's competency as this change records it. */
    static StoredMastery entryOf(MasteryRecalculated event, long sequenceNumber, Instant storedAt) {
        return new StoredMastery(id(event.learnerId(), event.competencyId()), new LearnerId(event.learnerId()),
                new CompetencyId(event.competencyId()), event.frameworkId(), event.frameworkVersion(),
                event.policyVersion(), event.method(), event.level(), event.score(), event.mastered(),
                event.evidenceCount(), event.expiresAt(), storedAt, sequenceNumber);
    }

    /** A parent's roll-up, kept beside its folded result (a parent may have evidence of its own). */
    @EventHandler
    void on(ParentMasteryRolledUp event, @SequenceNumber long sequenceNumber, @Timestamp Instant storedAt) {
        replaceIfOlder(rollups, id(event.learnerId(), event.competencyId()), sequenceNumber,
                rollupOf(event, sequenceNumber, storedAt));
    }

    /** The roll-up entry of the learner's parent as this change records it. */
    static StoredRollup rollupOf(ParentMasteryRolledUp event, long sequenceNumber, Instant storedAt) {
        return new StoredRollup(id(event.learnerId(), event.competencyId()), new LearnerId(event.learnerId()),
                new CompetencyId(event.competencyId()), event.frameworkId(), event.frameworkVersion(), event.rule(),
                event.level(), event.mastered(), event.points(), event.pointsTarget(), null, storedAt, sequenceNumber);
    }

    /**
     * The roll-up ended: kept as a marker with the event's sequence number rather than deleted, so that a
     * redelivered older roll-up cannot bring it back.
     */
    @EventHandler
    void on(ParentRollupEnded event, @SequenceNumber long sequenceNumber, @Timestamp Instant storedAt) {
        replaceIfOlder(rollups, id(event.learnerId(), event.competencyId()), sequenceNumber,
                rollupEndedOf(event, sequenceNumber, storedAt));
    }

    /** The marker of an ended roll-up. */
    static StoredRollup rollupEndedOf(ParentRollupEnded event, long sequenceNumber, Instant storedAt) {
        return new StoredRollup(id(event.learnerId(), event.competencyId()), new LearnerId(event.learnerId()),
                new CompetencyId(event.competencyId()), null, null, null, null, null, null, null, true, storedAt,
                sequenceNumber);
    }

    /**
     * Replaces the learner's entry for the competency only when it is older than this event, and inserts it when
     * there is none; of a batch's changes to one entry only the newest is sent ({@link ReadModelWrites}). When a
     * newer (or this) change is stored, the filter matches nothing and the upsert's insert meets the existing id:
     * that duplicate-key refusal is the expected "already newer" answer, not an error.
     */
    private <T> void replaceIfOlder(MongoCollection<T> collection, String id, long sequenceNumber, T entry) {
        writes.newest(collection, id, sequenceNumber, new ReplaceOneModel<>(new Document("_id", id)
                .append(SEQUENCE, new Document("$lt", sequenceNumber)), entry, new ReplaceOptions().upsert(true)));
    }

    private static String id(String learnerId, String competencyOrFrameworkId) {
        return learnerId + "|" + competencyOrFrameworkId;
    }

    /**
     * The newest framework version the learner's mastery moved to. An adoption that changes no result records no
     * mastery, yet the version's rules (its roll-ups above all) apply from then on. Kept with {@code $max}, so
     * replays and any order of writes leave the newest.
     */
    @EventHandler
    void on(FrameworkVersionAdopted event) {
        StoredAdoption adopted = adoptedVersionOf(event);
        writes.inOrder(adoptedVersions, new UpdateOneModel<>(Filters.eq("_id", adopted.id()), Updates.combine(
                Updates.setOnInsert(LEARNER_ID, adopted.learnerId()),
                Updates.setOnInsert(StoredAdoption.FRAMEWORK_ID, adopted.frameworkId()),
                Updates.max(StoredAdoption.VERSION, adopted.version())), new UpdateOptions().upsert(true)));
    }

    /** The entry a single adoption would leave: the newest of several stays. */
    static StoredAdoption adoptedVersionOf(FrameworkVersionAdopted event) {
        return new StoredAdoption(id(event.learnerId(), event.frameworkId()), new LearnerId(event.learnerId()),
                event.frameworkId(), event.version());
    }

    @EventHandler
    void on(LearnerErased event) {
        LearnerId learnerId = new LearnerId(event.learnerId());
        erase(mastery, learnerId);
        erase(rollups, learnerId);
        erase(adoptedVersions, learnerId);
    }

    /** Every collection here keys its entries {@code learnerId|…} and names the learner in {@code learnerId}. */
    private <T> void erase(MongoCollection<T> collection, LearnerId learnerId) {
        writes.discardNewest(collection, id -> id.startsWith(learnerId.value() + "|"));
        writes.inOrder(collection, new DeleteManyModel<>(Filters.eq(LEARNER_ID, learnerId)));
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
        List<Entry> entries = mastery.find(Filters.eq(LEARNER_ID, learnerId)).map(StoredMastery::entry)
                .into(new ArrayList<>());
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
        List<Entry> entries = rollups.find(Filters.and(Filters.eq(LEARNER_ID, learnerId),
                Filters.ne(StoredRollup.ENDED, true))).map(StoredRollup::entry).into(new ArrayList<>());
        entries.sort(Comparator.comparing(Entry::competencyId));
        return entries;
    }

    /** The newest framework version the learner adopted, by framework. */
    public Map<String, Integer> adoptedVersionsOf(String learnerId) {
        Map<String, Integer> versions = new HashMap<>();
        adoptedVersions.find(Filters.eq(LEARNER_ID, learnerId))
                .forEach(stored -> versions.put(stored.frameworkId(), stored.version()));
        return versions;
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
