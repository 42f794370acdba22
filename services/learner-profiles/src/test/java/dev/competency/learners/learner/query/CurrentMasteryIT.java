package dev.competency.learners.learner.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.competency.learners.learner.domain.MasteryRecalculated;
import dev.competency.learners.learner.domain.RecalculationCause;
import dev.competency.platform.test.ScratchDatabase;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The recorded mastery keeps the newest change by sequence number, whatever order changes are applied in. */
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

    private static MasteryRecalculated change(String level, double score) {
        return new MasteryRecalculated("ana", "c1", "f1", 1, 1, "HIGHEST", "HIGHEST", level, null, score, null,
                score > 0.7, false, 1, T0, null, RecalculationCause.EVIDENCE_RECORDED, "e1");
    }
}
