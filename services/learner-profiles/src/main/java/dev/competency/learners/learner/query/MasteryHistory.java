package dev.competency.learners.learner.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * How a learner's level on one competency changed over valid time, as known now: every change of level (or of
 * mastered) with its instant and what caused it. The mastery is folded again at every instant where it can change:
 * when evidence occurred (on the competency, or on a child it is rolled up from), when a result expires, and once a
 * week in between for time decay. A change found at a weekly sample is dated to that sample, so a decay crossing is
 * placed within a week of when it happened.
 */
@Component
public class MasteryHistory {

    /** Weekly samples for time decay; past this many, the samples are spread evenly instead. */
    static final int MAX_SAMPLES = 520;
    private static final Duration WEEK = Duration.ofDays(7);

    private final MasteryQueries mastery;
    private final EvidenceTimeline timeline;

    MasteryHistory(MasteryQueries mastery, EvidenceTimeline timeline) {
        this.mastery = mastery;
        this.timeline = timeline;
    }

    /** What caused a change: evidence that occurred then, or the passing of time (decay or expiry). */
    public enum Cause { EVIDENCE, TIME }

    /**
     * One change.
     *
     * @param at          the valid time from which the new level holds
     * @param level       the level from then on (null: none)
     * @param score       the score then (null for a rolled-up parent or without a score)
     * @param mastered    whether it counted as mastered from then on
     * @param cause       evidence or time
     * @param evidenceIds the evidence that occurred at that instant (empty for a change caused by time)
     */
    public record LevelChange(Instant at, String level, Double score, boolean mastered, Cause cause,
                              List<String> evidenceIds) {
    }

    /** The changes in time order, oldest first; empty when the learner has no evidence. */
    public List<LevelChange> historyOf(String learnerId, String competencyId, Instant now) {
        Map<Instant, List<String>> evidenceAt = new TreeMap<>();
        for (EvidenceTimeline.Entry entry : timeline.of(learnerId)) {
            if (!entry.evidence().occurredAt().isAfter(now)) {
                evidenceAt.computeIfAbsent(entry.evidence().occurredAt(), at -> new ArrayList<>())
                        .add(entry.evidence().evidenceId());
            }
        }
        if (evidenceAt.isEmpty()) {
            return List.of();
        }
        TreeSet<Instant> instants = new TreeSet<>(evidenceAt.keySet());
        instants.addAll(samples(instants.first(), now));
        List<Instant> asOfs = new ArrayList<>(instants);
        List<Optional<MasteryQueries.CompetencyMastery>> states = mastery.masteryAt(learnerId, competencyId, asOfs,
                now);
        List<Instant> expiries = new ArrayList<>();
        states.forEach(state -> state.map(MasteryQueries.CompetencyMastery::result)
                .map(result -> result.expiresAt())
                .filter(expiry -> !expiry.isAfter(now) && !instants.contains(expiry))
                .ifPresent(expiries::add));
        if (!expiries.isEmpty()) {
            instants.addAll(expiries);
            asOfs = new ArrayList<>(instants);
            states = mastery.masteryAt(learnerId, competencyId, asOfs, now);
        }
        return changes(asOfs, states, evidenceAt);
    }

    static List<LevelChange> changes(List<Instant> asOfs, List<Optional<MasteryQueries.CompetencyMastery>> states,
            Map<Instant, List<String>> evidenceAt) {
        List<LevelChange> changes = new ArrayList<>();
        String level = null;
        boolean mastered = false;
        for (int i = 0; i < asOfs.size(); i++) {
            Optional<MasteryQueries.CompetencyMastery> state = states.get(i);
            String newLevel = state.map(MasteryHistory::levelOf).orElse(null);
            boolean newMastered = state.map(MasteryQueries.CompetencyMastery::mastered).orElse(false);
            if (Objects.equals(level, newLevel) && mastered == newMastered) {
                continue;
            }
            level = newLevel;
            mastered = newMastered;
            List<String> evidence = evidenceAt.getOrDefault(asOfs.get(i), List.of());
            Double score = state.map(MasteryQueries.CompetencyMastery::result).map(r -> r.score()).orElse(null);
            changes.add(new LevelChange(asOfs.get(i), level, score, mastered,
                    evidence.isEmpty() ? Cause.TIME : Cause.EVIDENCE, List.copyOf(evidence)));
        }
        return changes;
    }

    private static String levelOf(MasteryQueries.CompetencyMastery mastery) {
        return mastery.rollup() != null ? mastery.rollup().levelCode()
                : mastery.result() == null ? null : mastery.result().levelCode();
    }

    /** Weekly instants after {@code first} up to {@code now}, thinned evenly to at most {@link #MAX_SAMPLES}. */
    static List<Instant> samples(Instant first, Instant now) {
        long weeks = Duration.between(first, now).dividedBy(WEEK);
        long step = Math.max(1, (weeks + MAX_SAMPLES - 1) / MAX_SAMPLES);
        List<Instant> samples = new ArrayList<>();
        for (long week = step; week <= weeks; week += step) {
            samples.add(first.plus(WEEK.multipliedBy(week)));
        }
        samples.add(now);
        return samples;
    }
}
