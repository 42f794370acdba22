package dev.competency.learners.learner.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.competency.learners.learner.domain.EvidenceAccepted;
import dev.competency.learners.learner.domain.EvidenceItem;
import dev.competency.learners.learner.domain.EvidenceVoided;
import dev.competency.learners.learner.domain.LearnerErased;
import dev.competency.learners.mastery.SourceType;
import dev.competency.platform.service.mongo.RecordCollections;
import dev.competency.platform.test.ScratchDatabase;
import java.time.Instant;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The timeline keeps what it read in memory; two instances on one database stand for two replicas, of which only
 * one applies the events. The other must see every write, void and erasure at its next read.
 */
class EvidenceTimelineIT {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private ScratchDatabase scratch;
    private MongoDatabase database;
    private EvidenceTimeline writer;
    private EvidenceTimeline reader;

    @BeforeEach
    void connect() {
        scratch = ScratchDatabase.create("timeline");
        database = scratch.database();
        writer = new EvidenceTimeline(database, new ReadModelWrites(new WriteBehind("read-model-writes")), 10);
        reader = new EvidenceTimeline(database, new ReadModelWrites(new WriteBehind("read-model-writes")), 10);
    }

    @AfterEach
    void drop() {
        scratch.close();
    }

    @Test
    void showsWritesVoidsAndErasure_whenAnotherReplicaAppliedThem() {
        writer.on(accepted("ana", "e2", T0.plusSeconds(60)), 0);
        assertThat(reader.of("ana")).extracting(e -> e.evidence().evidenceId()).containsExactly("e2");

        // Late evidence goes where it happened, also in a timeline read before.
        writer.on(accepted("ana", "e1", T0), 1);
        assertThat(reader.of("ana")).extracting(e -> e.evidence().evidenceId()).containsExactly("e1", "e2");

        writer.on(new EvidenceVoided("ana", "e2", "c1", T0.plusSeconds(120), "entered twice"), 2);
        assertThat(reader.of("ana")).extracting(EvidenceTimeline.Entry::voidReason)
                .containsExactly(null, "entered twice");

        writer.on(new LearnerErased("ana", T0.plusSeconds(180), "admin"));
        assertThat(reader.of("ana")).isEmpty();
        assertThat(database.getCollection(EvidenceTimeline.STAMPS).countDocuments(Filters.eq("_id", "ana"))).isZero();
    }

    /**
     * A read that saw the stamp move but not yet the entry it counts (a write under way, or a replica behind) keeps
     * nothing it would go on using: the next read looks again, and an entry stored without its stamp is in it.
     */
    @Test
    void readsTheTimelineAgain_whenTheStampCountsAnEntryTheLastReadDidNotSee() {
        writer.on(accepted("dan", "e1", T0), 0);
        assertThat(reader.of("dan")).hasSize(1);

        database.getCollection(EvidenceTimeline.STAMPS).replaceOne(Filters.eq("_id", "dan"),
                new Document("_id", "dan").append("sequence", 1L));
        assertThat(reader.of("dan")).hasSize(1);
        RecordCollections.collection(database, EvidenceTimeline.COLLECTION, EvidenceTimeline.StoredEvidence.class)
                .insertOne(EvidenceTimeline.entryOf(accepted("dan", "e2", T0.plusSeconds(60)), 1));
        assertThat(reader.of("dan")).extracting(e -> e.evidence().evidenceId()).containsExactly("e1", "e2");

        writer.on(new EvidenceVoided("dan", "e1", "c1", T0.plusSeconds(90), "entered twice"), 2);
        assertThat(reader.of("dan")).extracting(EvidenceTimeline.Entry::voidReason)
                .containsExactly("entered twice", null);
        assertThat(reader.of("dan")).as("kept while the stamp stays").isSameAs(reader.of("dan"));
    }

    /** Documents written before the entries were records read back, and new ones are stored in the same shape. */
    @Test
    void storesEntriesInTheirDocumentShape_whenAcceptedAndVoided() {
        writer.on(accepted("eve", "e1", T0.plusNanos(1_500)), 3);
        writer.on(new EvidenceVoided("eve", "e1", "c1", T0.plusSeconds(90), "entered twice"), 4);

        BsonDocument stored = database.getCollection(EvidenceTimeline.COLLECTION, BsonDocument.class)
                .find(Filters.eq("_id", "eve|e1")).first();
        assertThat(stored).isEqualTo(BsonDocument.parse("""
                {"_id": "eve|e1", "learnerId": "eve", "evidenceId": "e1", "competencyId": "c1", "frameworkId": "f1",
                 "frameworkVersion": 1, "score": 0.7, "sourceType": "ASSESSMENT", "actorId": "assessor-1",
                 "occurredAt": {"$date": "2026-03-01T09:00:00Z"}, "recordedAt": {"$date": "2026-03-01T09:00:05Z"},
                 "occurredAtExact": "2026-03-01T09:00:00.000001500Z",
                 "recordedAtExact": "2026-03-01T09:00:05.000001500Z", "acceptedAt": {"$date": "2026-03-01T09:00:06Z"},
                 "voidedAt": "2026-03-01T09:01:30Z", "voidReason": "entered twice", "sequence": {"$numberLong": "4"}}"""));
        assertThat(database.getCollection(EvidenceTimeline.STAMPS, BsonDocument.class).find().first())
                .isEqualTo(BsonDocument.parse("{\"_id\": \"eve\", \"sequence\": {\"$numberLong\": \"4\"}}"));
        assertThat(database.getCollection(EvidenceTimeline.COLLECTION).listIndexes())
                .extracting(index -> index.getString("name")).contains("learnerId_1_occurredAt_1");

        database.getCollection(EvidenceTimeline.COLLECTION).insertOne(Document.parse("""
                {"_id": "eve|e0", "learnerId": "eve", "evidenceId": "e0", "competencyId": "c1", "frameworkId": "f1",
                 "frameworkVersion": 1, "score": 0.4, "sourceType": "SELF", "actorId": "eve",
                 "occurredAt": {"$date": "2026-03-01T08:00:00Z"}, "recordedAt": {"$date": "2026-03-01T08:00:00Z"},
                 "occurredAtExact": "2026-03-01T08:00:00Z", "recordedAtExact": "2026-03-01T08:00:00Z",
                 "ratedLevel": null, "acceptedAt": {"$date": "2026-03-01T08:00:01Z"},
                 "voidedAt": null, "voidReason": null}"""));
        assertThat(reader.of("eve")).extracting(e -> e.evidence().evidenceId(), e -> e.evidence().actorId(),
                EvidenceTimeline.Entry::voidReason).containsExactly(tuple("e0", "eve", null),
                tuple("e1", "assessor-1", "entered twice"));
        // A void time stored as null is no void: the kept timeline stays in use.
        assertThat(reader.of("eve")).isSameAs(reader.of("eve"));
    }

    @Test
    void keepsOneUnmodifiableEntry_whenAnEventIsRedelivered() {
        writer.on(accepted("ben", "e1", T0), 0);
        writer.on(accepted("ben", "e1", T0), 0);
        assertThat(reader.of("ben")).hasSize(1);
        assertThat(reader.of("ben")).isSameAs(reader.of("ben"));
        assertThatThrownBy(() -> reader.of("ben").clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(reader.of("nobody")).isEmpty();
    }

    @Test
    void showsTheRebuiltTimeline_whenTheReadModelWasReset() {
        writer.on(accepted("cai", "e1", T0), 0);
        assertThat(reader.of("cai")).hasSize(1);
        writer.reset();
        assertThat(reader.of("cai")).isEmpty();
        writer.on(accepted("cai", "e2", T0), 0);
        assertThat(reader.of("cai")).extracting(e -> e.evidence().evidenceId()).containsExactly("e2");
    }

    private static EvidenceAccepted accepted(String learnerId, String evidenceId, Instant occurredAt) {
        return new EvidenceAccepted(learnerId, new EvidenceItem(evidenceId, "c1", "f1", 1, 0.7, SourceType.ASSESSMENT,
                "assessor-1", occurredAt, occurredAt.plusSeconds(5), null), occurredAt.plusSeconds(6));
    }
}
