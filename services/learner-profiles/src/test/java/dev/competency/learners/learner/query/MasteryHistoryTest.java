package dev.competency.learners.learner.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import dev.competency.learners.catalogue.query.CataloguePolicies;
import dev.competency.learners.learner.domain.EvidenceItem;
import dev.competency.learners.mastery.ManualRatingPrecedence;
import dev.competency.learners.mastery.MasteryMethod;
import dev.competency.learners.mastery.MasteryPolicy;
import dev.competency.learners.mastery.ProficiencyLevel;
import dev.competency.learners.mastery.ProficiencyScale;
import dev.competency.learners.mastery.SourceType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The growth of one competency, folded with the real fold over a learner's timeline. */
class MasteryHistoryTest {

    private static final String LEARNER = "learner-1";
    private static final String COMPETENCY = "api-design";
    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    private static final ProficiencyScale SCALE = ProficiencyScale.of(
            new ProficiencyLevel("NOVICE", "Novice", 0.0, false),
            new ProficiencyLevel("PROFICIENT", "Proficient", 0.7, true),
            new ProficiencyLevel("EXPERT", "Expert", 0.9, false));

    private final EvidenceTimeline timeline = mock(EvidenceTimeline.class);
    private final CurrentMastery current = mock(CurrentMastery.class);
    private final CataloguePolicies policies = mock(CataloguePolicies.class);
    private final MasteryHistory history = new MasteryHistory(new MasteryQueries(timeline, current, policies),
            timeline);
    private final List<EvidenceTimeline.Entry> entries = new ArrayList<>();

    @Test
    void listsEachChangeOfLevelWithTheEvidenceThatCausedIt_andNothingWhenTheLevelHolds() {
        policy(MasteryPolicy.of(1, MasteryMethod.latest(), SCALE));
        evidence("e1", 0.3, 0);
        evidence("e2", 0.35, 7);
        evidence("e3", 0.75, 14);
        evidence("e4", 0.95, 30);

        List<MasteryHistory.LevelChange> changes = history.historyOf(LEARNER, COMPETENCY, START.plus(days(60)));

        assertThat(changes).extracting(MasteryHistory.LevelChange::level)
                .containsExactly("NOVICE", "PROFICIENT", "EXPERT");
        assertThat(changes).extracting(MasteryHistory.LevelChange::evidenceIds)
                .containsExactly(List.of("e1"), List.of("e3"), List.of("e4"));
        assertThat(changes).extracting(MasteryHistory.LevelChange::at)
                .containsExactly(START, START.plus(days(14)), START.plus(days(30)));
        assertThat(changes).extracting(MasteryHistory.LevelChange::mastered).containsExactly(false, true, true);
        assertThat(changes).allSatisfy(change ->
                assertThat(change.cause()).isEqualTo(MasteryHistory.Cause.EVIDENCE));
    }

    @Test
    void datesADecayCrossingWithinAWeek_asCausedByTime() {
        policy(new MasteryPolicy(1, MasteryMethod.latest(), SCALE, Map.of(), 1,
                ManualRatingPrecedence.UNTIL_NEWER_EVIDENCE, null, Duration.ofDays(30)));
        evidence("e1", 0.95, 0);

        List<MasteryHistory.LevelChange> changes = history.historyOf(LEARNER, COMPETENCY, START.plus(days(120)));

        // 0.95 halves every 30 days: below 0.9 after 2.3 days, below 0.7 after 13.2 days.
        assertThat(changes).extracting(MasteryHistory.LevelChange::level)
                .containsExactly("EXPERT", "PROFICIENT", "NOVICE");
        assertThat(changes.get(1).cause()).isEqualTo(MasteryHistory.Cause.TIME);
        assertThat(changes.get(1).at()).isBetween(START.plus(days(2)), START.plus(days(2 + 7)));
        assertThat(changes.get(2).at()).isBetween(START.plus(days(13)), START.plus(days(13 + 7)));
        assertThat(changes.get(2).evidenceIds()).isEmpty();
    }

    @Test
    void marksTheExpiryInstant_whenTheValidityPeriodEnds() {
        policy(new MasteryPolicy(1, MasteryMethod.latest(), SCALE, Map.of(), 1,
                ManualRatingPrecedence.UNTIL_NEWER_EVIDENCE, Duration.ofDays(10).plusHours(3), null));
        evidence("e1", 0.8, 0);

        List<MasteryHistory.LevelChange> changes = history.historyOf(LEARNER, COMPETENCY, START.plus(days(40)));

        assertThat(changes).hasSize(2);
        assertThat(changes.get(1).mastered()).isFalse();
        assertThat(changes.get(1).at()).isEqualTo(START.plus(days(10)).plusSeconds(3 * 3600));
        assertThat(changes.get(1).cause()).isEqualTo(MasteryHistory.Cause.TIME);
    }

    @Test
    void answersNothing_whenTheLearnerHasNoEvidence() {
        policy(MasteryPolicy.of(1, MasteryMethod.latest(), SCALE));

        assertThat(history.historyOf(LEARNER, COMPETENCY, START)).isEmpty();
    }

    @Test
    void spreadsSamplesEvenly_whenThePeriodHasMoreWeeksThanTheCap() {
        List<Instant> samples = MasteryHistory.samples(START, START.plus(days(7L * 2_000)));

        assertThat(samples).hasSizeLessThanOrEqualTo(MasteryHistory.MAX_SAMPLES + 1).isSorted();
        assertThat(samples.get(samples.size() - 1)).isEqualTo(START.plus(days(7L * 2_000)));
    }

    private void policy(MasteryPolicy policy) {
        given(policies.policyFor(anyString(), anyInt(), anyString())).willReturn(Optional.of(policy));
        given(policies.rollupsOf(anyString(), anyInt())).willReturn(Optional.of(List.of()));
    }

    private void evidence(String id, double score, int day) {
        Instant at = START.plus(days(day));
        entries.add(new EvidenceTimeline.Entry(new EvidenceItem(id, COMPETENCY, "framework-1", 1, score,
                SourceType.ASSESSMENT, "scorer", at, at.plusSeconds(1), null), null, null));
        given(timeline.of(LEARNER)).willReturn(List.copyOf(entries));
        given(timeline.byCompetencyOf(LEARNER)).willReturn(EvidenceTimeline.byCompetency(List.copyOf(entries)));
    }

    private static Duration days(long days) {
        return Duration.ofDays(days);
    }
}
