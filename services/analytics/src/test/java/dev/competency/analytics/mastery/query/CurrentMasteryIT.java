package dev.competency.analytics.mastery.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.contracts.frameworks.MethodType;
import dev.competency.contracts.mastery.MasteryChanged;
import dev.competency.contracts.mastery.ParentMasteryChanged;
import dev.competency.contracts.mastery.ParentRollupEnded;
import dev.competency.platform.test.ScratchDatabase;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A parent with evidence of its own has two masteries, folded and rolled up: the cell shows the roll-up while it
 * lasts, whichever arrived first, and the folded one again once the roll-up ended.
 */
class CurrentMasteryIT {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private ScratchDatabase scratch;
    private CurrentMastery mastery;

    @BeforeEach
    void connect() {
        scratch = ScratchDatabase.create("analytics-current-mastery");
        mastery = new CurrentMastery(scratch.database());
    }

    @AfterEach
    void drop() {
        scratch.close();
    }

    @Test
    void showsRollUpOverFoldedMastery_inWhicheverOrderTheyArrive() {
        mastery.on(rolledUp("ana", true, T0.plusSeconds(1)));
        mastery.on(folded("ana", "NOVICE", 0.2, T0.plusSeconds(2)));
        mastery.on(folded("ben", "NOVICE", 0.2, T0.plusSeconds(1)));
        mastery.on(rolledUp("ben", true, T0.plusSeconds(2)));

        for (String learner : List.of("ana", "ben")) {
            Document cell = mastery.find(learner, "parent").orElseThrow();
            assertThat(cell.getBoolean("rolledUp")).isTrue();
            assertThat(cell.getString("level")).isEqualTo("PROFICIENT");
            assertThat(cell.get("score")).isNull();
        }
        assertThat(mastery.ofLearners(List.of("ana", "ben"))).hasSize(2)
                .allSatisfy(cell -> assertThat(cell.getBoolean("rolledUp")).isTrue());
    }

    @Test
    void showsFoldedMasteryAgain_whenRollUpEnds_andKeepsItEndedOnRedelivery() {
        mastery.on(folded("ana", "NOVICE", 0.2, T0.plusSeconds(1)));
        mastery.on(rolledUp("ana", true, T0.plusSeconds(2)));
        mastery.on(new ParentRollupEnded("ana", "parent", "framework", 2, 1, "PROFICIENT", true, 3,
                T0.plusSeconds(3)));
        mastery.on(rolledUp("ana", true, T0.plusSeconds(2)));

        Document cell = mastery.find("ana", "parent").orElseThrow();
        assertThat(cell.getBoolean("rolledUp")).isFalse();
        assertThat(cell.getString("level")).isEqualTo("NOVICE");
        assertThat(cell.getDouble("score")).isEqualTo(0.2);
        assertThat(mastery.ofLearners(List.of("ana"))).singleElement()
                .satisfies(only -> assertThat(only.getString("level")).isEqualTo("NOVICE"));
    }

    @Test
    void hasNoCell_whenRollUpEndsOnParentWithoutEvidence_untilALaterRollUp() {
        mastery.on(rolledUp("ana", true, T0.plusSeconds(1)));
        mastery.on(new ParentRollupEnded("ana", "parent", "framework", 2, 1, "PROFICIENT", true, 3,
                T0.plusSeconds(2)));

        assertThat(mastery.find("ana", "parent")).isEmpty();
        assertThat(mastery.ofLearners(List.of("ana"))).isEmpty();

        // A later version rolls it up again.
        mastery.on(rolledUp("ana", false, T0.plusSeconds(3)));
        assertThat(mastery.find("ana", "parent")).hasValueSatisfying(cell ->
                assertThat(cell.getBoolean("mastered")).isFalse());
    }

    private static MasteryChanged folded(String learner, String level, double score, Instant at) {
        return new MasteryChanged(learner, "parent", "framework", 1, 1, MethodType.HIGHEST, level,
                null, score, null, false, false, 1, at, at, null, MasteryChanged.ChangeCause.EVIDENCE_RECORDED,
                "e-" + learner);
    }

    private static ParentMasteryChanged rolledUp(String learner, boolean mastered, Instant at) {
        return new ParentMasteryChanged(learner, "parent", "framework", 1,
                ParentMasteryChanged.RollupRule.ALL_CHILDREN, mastered ? "PROFICIENT" : "NOVICE", null, mastered, false, mastered ? 3 : 1, null, null,
                List.of(new ParentMasteryChanged.Child("child", mastered ? "PROFICIENT" : "NOVICE", mastered,
                        mastered ? 3 : 1, false)),
                at, at, MasteryChanged.ChangeCause.EVIDENCE_RECORDED, "child", "e-" + learner);
    }
}
