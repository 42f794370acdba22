package dev.competency.learners.learner.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
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
        mastery = new CurrentMastery(database, new ReadModelWrites());
    }

    @AfterEach
    void drop() {
        scratch.close();
    }

    @Test
    void anOlderOrRepeatedChangeLeavesTheNewerOneInPlace() {
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
    void erasesRollUpsAndAdoptedVersionsWithTheLearner() {
        mastery.on(rolledUp("PROFICIENT", true), 2, T0.plusSeconds(2));
        mastery.on(new FrameworkVersionAdopted("ana", "f1", 3, List.of("c1")));
        mastery.on(new LearnerErased("ana", T0.plusSeconds(3), "admin"));

        assertThat(mastery.effectiveOf("ana")).isEmpty();
        assertThat(mastery.adoptedVersionsOf("ana")).isEmpty();
    }

    private static ParentMasteryRolledUp rolledUp(String level, boolean mastered) {
        return new ParentMasteryRolledUp("ana", "c1", "f1", 1, "POINTS", level, null, mastered, false, 4, null, 3.0,
                List.of(new ParentMasteryRolledUp.Child("c2", level, mastered, 4, true)), T0,
                RecalculationCause.EVIDENCE_RECORDED, "c2", "e2");
    }

    private static MasteryRecalculated change(String level, double score) {
        return new MasteryRecalculated("ana", "c1", "f1", 1, 1, "HIGHEST", "HIGHEST", level, null, score, null,
                score > 0.7, false, 1, T0, null, RecalculationCause.EVIDENCE_RECORDED, "e1");
    }
}
