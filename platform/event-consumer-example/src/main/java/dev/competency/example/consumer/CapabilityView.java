package dev.competency.example.consumer;

import dev.competency.contracts.learners.LearnerErased;
import dev.competency.contracts.learners.LearnerTeamChanged;
import dev.competency.contracts.mastery.MasteryChanged;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A small read model built from {@code competency.mastery.v1} and {@code competency.learners.v1}: the current level of
 * each learner on each competency, each learner's team, and how often each competency was newly mastered.
 *
 * <p>It holds no personal data beyond the pseudonymous learnerId ({@code learner.registered} is not read; it carries
 * no name or address since contract version 1.1, and older records that do are skipped with it), and forgets
 * everything keyed by a learner when {@code learner.erased}, or a tombstone for the learner, arrives. The two topics are not ordered against each other, so a mastery change of an erased learner may be read
 * after the erasure: erased ids are remembered so that such a change is dropped. The count of mastery gains does not
 * identify anybody and keeps every gain, erased learners' included, so a replay gives the same counts whichever topic
 * it happens to read first.
 *
 * <p>Roll-ups ({@code parent-mastery.changed}) are left out: a parent competency that its framework rolls up shows
 * here the fold of its own evidence only.
 */
public final class CapabilityView {

    /** The current state of one learner on one competency, as the last {@code mastery.changed} said. */
    public record Level(String frameworkId, String level, Double score, boolean mastered) {
    }

    /** Everything the view holds, in a comparable form: two replays of the same streams give equal snapshots. */
    public record Snapshot(Map<String, Map<String, Level>> levelsByLearner, Map<String, String> teamByLearner,
                           Map<String, Long> masteryGainsByCompetency, Set<String> erasedLearners) {
    }

    private final Map<String, Map<String, Level>> levelsByLearner = new HashMap<>();
    private final Map<String, String> teamByLearner = new HashMap<>();
    private final Map<String, Long> masteryGainsByCompetency = new HashMap<>();
    private final Set<String> erasedLearners = new HashSet<>();

    /** The event's values are the new state, whatever its cause: the latest change of a key replaces the earlier. */
    public void on(MasteryChanged event) {
        if (event.mastered() && !event.previouslyMastered()) {
            masteryGainsByCompetency.merge(event.competencyId(), 1L, Long::sum);
        }
        if (erasedLearners.contains(event.learnerId())) {
            return;
        }
        levelsByLearner.computeIfAbsent(event.learnerId(), id -> new HashMap<>()).put(event.competencyId(),
                new Level(event.frameworkId(), event.level(), event.score(), event.mastered()));
    }

    public void on(LearnerTeamChanged event) {
        if (erasedLearners.contains(event.learnerId())) {
            return;
        }
        if (event.teamId() == null) {
            teamByLearner.remove(event.learnerId());
        } else {
            teamByLearner.put(event.learnerId(), event.teamId());
        }
    }

    public void on(LearnerErased event) {
        erasedLearners.add(event.learnerId());
        levelsByLearner.remove(event.learnerId());
        teamByLearner.remove(event.learnerId());
    }

    public Optional<Level> level(String learnerId, String competencyId) {
        return Optional.ofNullable(levelsByLearner.getOrDefault(learnerId, Map.of()).get(competencyId));
    }

    public Optional<String> team(String learnerId) {
        return Optional.ofNullable(teamByLearner.get(learnerId));
    }

    /** How many times a learner reached mastery of the competency (from not mastered to mastered). */
    public long masteryGains(String competencyId) {
        return masteryGainsByCompetency.getOrDefault(competencyId, 0L);
    }

    public boolean knows(String learnerId) {
        return levelsByLearner.containsKey(learnerId) || teamByLearner.containsKey(learnerId);
    }

    public Snapshot snapshot() {
        Map<String, Map<String, Level>> levels = new TreeMap<>();
        levelsByLearner.forEach((learner, byCompetency) -> levels.put(learner, Map.copyOf(byCompetency)));
        return new Snapshot(Map.copyOf(levels), Map.copyOf(teamByLearner), Map.copyOf(masteryGainsByCompetency),
                Set.copyOf(erasedLearners));
    }
}
