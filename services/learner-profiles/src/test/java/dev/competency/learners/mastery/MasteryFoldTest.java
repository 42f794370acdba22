package dev.competency.learners.mastery;

import static dev.competency.learners.mastery.Fixtures.COMPETENCY;
import static dev.competency.learners.mastery.Fixtures.SCALE;
import static dev.competency.learners.mastery.Fixtures.day;
import static dev.competency.learners.mastery.Fixtures.policy;
import static dev.competency.learners.mastery.Fixtures.recordedLate;
import static dev.competency.learners.mastery.Fixtures.scored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The accumulator used for live intake. */
class MasteryFoldTest {

    private static final List<MasteryMethod> EVERY_METHOD = List.of(MasteryMethod.highest(), MasteryMethod.latest(),
            MasteryMethod.average(), MasteryMethod.nMastery(3), MasteryMethod.weightedAverage(0.65),
            MasteryMethod.decayingAverage(0.3), MasteryMethod.bkt(0.2, 0.15, 0.2, 0.1, 0.01));

    @Test
    void placesLateEvidenceWhereItHappened_whenItArrivesOutOfOrder() {
        MasteryFold fold = new MasteryFold(COMPETENCY, policy(MasteryMethod.latest()));
        fold.add(scored("e-1", 0.3, 1));
        fold.add(scored("e-3", 0.8, 3));
        assertThat(fold.result(day(10)).score()).isEqualTo(0.8);

        fold.add(recordedLate("e-2", 0.1, 2, 9));

        MasteryResult result = fold.result(day(10));
        assertThat(result.score()).isEqualTo(0.8);
        assertThat(result.explanation().contributions()).extracting(Explanation.Contribution::evidenceId)
                .containsExactly("e-1", "e-2", "e-3");
    }

    @Test
    void answersPastInstants_whenAskedForEarlierAsOfOrKnownAt() {
        MasteryFold fold = new MasteryFold(COMPETENCY, policy(MasteryMethod.highest()));
        fold.add(scored("e-1", 0.5, 1));
        fold.add(recordedLate("e-2", 0.9, 2, 6));
        fold.add(scored("e-3", 0.95, 8));

        assertThat(fold.result(day(5), day(5)).score()).isEqualTo(0.5);
        assertThat(fold.result(day(5), day(6)).score()).isEqualTo(0.9);
        assertThat(fold.result(day(10)).score()).isEqualTo(0.95);
    }

    @Test
    void ignoresIdenticalCopy_whenAddedTwice() {
        MasteryFold fold = new MasteryFold(COMPETENCY, policy(MasteryMethod.average()));
        Evidence evidence = scored("e-1", 0.5, 1);

        assertThat(fold.add(evidence)).isTrue();
        assertThat(fold.add(evidence)).isFalse();
        assertThat(fold.result(day(10)).evidenceCount()).isEqualTo(1);
    }

    @Test
    void rejectsEvidence_whenItIsAboutAnotherCompetency() {
        Evidence other = new Evidence("e-1", "comp-other", 0.5, SourceType.ASSESSMENT, "a-1", day(1), day(1));

        assertThatThrownBy(() -> new MasteryFold(COMPETENCY, policy(MasteryMethod.highest())).add(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("evidence e-1 is about competency comp-other, not comp-api-design");
        assertThatThrownBy(() -> MasteryFold.fold(COMPETENCY, policy(MasteryMethod.highest()), List.of(other),
                day(2))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("comp-other");
    }

    /**
     * A long in-order stream, the live-intake shape, for every method; a smoke test for the append path that
     * checks results only. Throughput is measured by the benchmark, not here.
     */
    @Test
    void equalsFoldFromScratch_whenLongStreamArrivesInOrder() {
        int count = 50_000;
        List<Evidence> stream = new ArrayList<>(count);
        Instant start = day(0);
        SourceType[] sources = {SourceType.ASSESSMENT, SourceType.OBSERVATION, SourceType.PEER, SourceType.SELF};
        for (int i = 0; i < count; i++) {
            Instant at = start.plusSeconds(60L * i);
            stream.add(new Evidence("e-" + i, COMPETENCY, (i % 10) / 9.0, sources[i % sources.length], "a-1", at,
                    at));
        }
        Instant asOf = start.plus(Duration.ofDays(100));
        for (MasteryMethod method : EVERY_METHOD) {
            MasteryPolicy policy = new MasteryPolicy(1, method, SCALE,
                    Map.of(SourceType.PEER, 0.5, SourceType.SELF, 0.25), 5,
                    ManualRatingPrecedence.UNTIL_NEWER_EVIDENCE, Duration.ofDays(365), Duration.ofDays(90));
            MasteryFold fold = new MasteryFold(COMPETENCY, policy);
            for (Evidence e : stream) {
                fold.add(e);
            }

            MasteryResult result = fold.result(asOf);

            assertThat(result.evidenceCount()).as(method.toString()).isEqualTo(count);
            assertThat(result).as(method.toString())
                    .isEqualTo(MasteryFold.fold(COMPETENCY, policy, stream, Set.of(), asOf, Instant.MAX));
        }
    }
}
