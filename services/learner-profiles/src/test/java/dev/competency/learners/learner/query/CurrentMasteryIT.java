package dev.competency.learners.learner.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.competency.learners.learner.domain.FrameworkVersionAdopted;
import dev.competency.learners.learner.domain.LearnerErased;
import dev.competency.learners.learner.domain.MasteryRecalculated;
import dev.competency.learners.learner.domain.ParentMasteryRolledUp;
import dev.competency.learners.learner.domain.ParentRollupEnded;
import dev.competency.learners.learner.domain.RecalculationCause;
import dev.competency.platform.test.ScratchDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The recorded mastery keeps the newest change by sequence number, whatever order changes are applied in, and shows a
 * parent's roll-up in place of its own fold while the roll-up lasts.
 */
class CurrentMasteryIT {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private ScratchDatabase scratch;
    private MongoDatabase database;
    private CurrentMastery mastery;

    @BeforeEach
    void connect() {
        scratch = ScratchDatabase.create("current-mastery");
        database = scratch.database();
        mastery = new CurrentMastery(database, new ReadModelWrites(new WriteBehind("read-model-writes")));
    }

    @AfterEach
    void drop() {
        scratch.close();
    }

    @Test
    void keepsTheNewerChange_whenAnOlderOrRepeatedOneArrives() {
        mastery.on(change("PROFICIENT", 0.8), 2, T0.plusSeconds(2));
        mastery.on(change("NOVICE", 0.2), 1, T0.plusSeconds(1));
        mastery.on(change("PROFICIENT", 0.8), 2, T0.plusSeconds(2));
        assertThat(mastery.of("ana")).singleElement().satisfies(entry -> {
            assertThat(entry.level()).isEqualTo("PROFICIENT");
            assertThat(entry.changedAt()).isEqualTo(T0.plusSeconds(2));
        });

        mastery.on(change("EXPERT", 0.95), 3, T0.plusSeconds(3));
        assertThat(mastery.of("ana")).singleElement().extracting(CurrentMastery.Entry::level).isEqualTo("EXPERT");
    }

    @Test
    void showsParentRollUpInsteadOfItsOwnFold_untilTheRollUpEnds() {
        mastery.on(change("NOVICE", 0.2), 1, T0.plusSeconds(1));
        mastery.on(rolledUp("PROFICIENT", true), 2, T0.plusSeconds(2));

        assertThat(mastery.of("ana")).singleElement().extracting(CurrentMastery.Entry::level).isEqualTo("NOVICE");
        assertThat(mastery.effectiveOf("ana")).singleElement().satisfies(entry -> {
            assertThat(entry.rolledUp()).isTrue();
            assertThat(entry.level()).isEqualTo("PROFICIENT");
            assertThat(entry.method()).isEqualTo("ROLL_UP(POINTS)");
            assertThat(entry.points()).isEqualTo(4);
            assertThat(entry.pointsTarget()).isEqualTo(3.0);
            assertThat(entry.score()).isNull();
        });

        mastery.on(new ParentRollupEnded("ana", "c1", "f1", 2, 1, "PROFICIENT", true, 4), 3, T0.plusSeconds(3));
        // Redelivered after the end, the older roll-up must not come back.
        mastery.on(rolledUp("PROFICIENT", true), 2, T0.plusSeconds(2));

        assertThat(mastery.rollupsOf("ana")).isEmpty();
        assertThat(mastery.effectiveOf("ana")).singleElement().satisfies(entry -> {
            assertThat(entry.rolledUp()).isFalse();
            assertThat(entry.level()).isEqualTo("NOVICE");
        });
    }

    @Test
    void keepsNewestAdoptedVersionPerFramework_whateverTheOrder() {
        mastery.on(new FrameworkVersionAdopted("ana", "f1", 3, List.of("c1")));
        mastery.on(new FrameworkVersionAdopted("ana", "f1", 2, List.of("c1")));
        mastery.on(new FrameworkVersionAdopted("ana", "f2", 1, List.of("c9")));
        mastery.on(new FrameworkVersionAdopted("ana", "f1", 3, List.of("c1")));

        assertThat(mastery.adoptedVersionsOf("ana")).isEqualTo(Map.of("f1", 3, "f2", 1));
        assertThat(mastery.adoptedVersionsOf("ben")).isEmpty();
    }

    @Test
    void erasesRollUpsAndAdoptedVersions_whenTheLearnerIsErased() {
        mastery.on(rolledUp("PROFICIENT", true), 2, T0.plusSeconds(2));
        mastery.on(new FrameworkVersionAdopted("ana", "f1", 3, List.of("c1")));
        mastery.on(new LearnerErased("ana", T0.plusSeconds(3), "admin"));

        assertThat(mastery.effectiveOf("ana")).isEmpty();
        assertThat(mastery.adoptedVersionsOf("ana")).isEmpty();
    }

    /** Documents stay in the shape they had before the entries were records, and such documents read back. */
    @Test
    void storesEntriesInTheirDocumentShape_andReadsDocumentsWithNullFields() {
        mastery.on(change("PROFICIENT", 0.8), 2, T0.plusNanos(2_500));
        mastery.on(new ParentRollupEnded("ana", "c2", "f1", 2, 1, "PROFICIENT", true, 4), 3, T0.plusSeconds(3));
        mastery.on(new FrameworkVersionAdopted("ana", "f1", 3, List.of("c1")));

        assertThat(raw(CurrentMastery.COLLECTION, "ana|c1")).isEqualTo(BsonDocument.parse("""
                {"_id": "ana|c1", "learnerId": "ana", "competencyId": "c1", "frameworkId": "f1",
                 "frameworkVersion": 1, "policyVersion": 1, "method": "HIGHEST", "level": "PROFICIENT", "score": 0.8,
                 "mastered": true, "evidenceCount": 1, "changedAt": {"$date": "2026-03-01T09:00:00Z"},
                 "sequence": {"$numberLong": "2"}}"""));
        assertThat(raw(CurrentMastery.ROLLUPS, "ana|c2")).isEqualTo(BsonDocument.parse("""
                {"_id": "ana|c2", "learnerId": "ana", "competencyId": "c2", "ended": true,
                 "changedAt": {"$date": "2026-03-01T09:00:03Z"}, "sequence": {"$numberLong": "3"}}"""));
        assertThat(raw(CurrentMastery.ADOPTED_VERSIONS, "ana|f1")).isEqualTo(BsonDocument.parse("""
                {"_id": "ana|f1", "learnerId": "ana", "frameworkId": "f1", "version": 3}"""));
        for (String collection : List.of(CurrentMastery.COLLECTION, CurrentMastery.ROLLUPS,
                CurrentMastery.ADOPTED_VERSIONS)) {
            assertThat(database.getCollection(collection).listIndexes())
                    .extracting(index -> index.getString("name")).contains("learnerId_1");
        }

        database.getCollection(CurrentMastery.COLLECTION).insertOne(Document.parse("""
                {"_id": "ben|c1", "learnerId": "ben", "competencyId": "c1", "frameworkId": "f1",
                 "frameworkVersion": 1, "policyVersion": 1, "method": "HIGHEST", "level": null, "score": null,
                 "mastered": false, "evidenceCount": 0, "expiresAt": null,
                 "changedAt": {"$date": "2026-03-01T09:00:00Z"}, "sequence": {"$numberLong": "1"}}"""));
        assertThat(mastery.of("ben")).singleElement().satisfies(entry -> {
            assertThat(entry.level()).isNull();
            assertThat(entry.score()).isNull();
            assertThat(entry.expiresAt()).isNull();
        });
    }

    private BsonDocument raw(String collection, String id) {
        return database.getCollection(collection, BsonDocument.class).find(Filters.eq("_id", id)).first();
    }

    private static ParentMasteryRolledUp rolledUp(String level, boolean mastered) {
        return new ParentMasteryRolledUp("ana", "c1", "f1", 1, "POINTS", level, null, mastered, false, 4, null, 3.0,
                List.of(new ParentMasteryRolledUp.Child("c2", level, mastered, 4, true)), T0,
                RecalculationCause.EVIDENCE_RECORDED, "c2", "e2");
    }

    private static MasteryRecalculated change(String level, double score) {
        return new MasteryRecalculated("ana", "c1", "f1", 1, 1, "HIGHEST", "HIGHEST", level, null, score, null,
                score > 0.7, false, 1, T0, null, RecalculationCause.EVIDENCE_RECORDED, "e1", false);
    }
}
