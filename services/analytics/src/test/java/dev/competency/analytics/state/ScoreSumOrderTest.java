package dev.competency.analytics.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.analytics.capability.query.CapabilityMap;
import dev.competency.analytics.capability.query.TeamCapability;
import dev.competency.analytics.privacy.GroupBy;
import dev.competency.analytics.privacy.Scope;
import dev.competency.analytics.privacy.Viewer;
import dev.competency.analytics.state.ContractEvents.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Mean scores do not depend on the order the state met the scores in: the same learners' events folded in many
 * interleavings — scores replaced by later ones, learners moving team, learners erased — give the same means to the
 * last digit, from the totals and from a visit of every cell alike.
 */
class ScoreSumOrderTest {

    private static final Viewer ADMIN = new Viewer(false, 1, true, Set.of(), false);
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final List<String> TEAMS = List.of("team-a", "team-b");

    @Test
    void givesIdenticalMeans_whenTheSameScoresArriveInAnyOrder() {
        Random random = new Random(20261206L);
        List<List<Event>> streams = new ArrayList<>();
        for (int l = 0; l < 60; l++) {
            String learner = "learner-" + l;
            List<Event> stream = new ArrayList<>();
            stream.add(Event.of(ContractEvents.registered(learner, "eng")));
            stream.add(Event.of(ContractEvents.team(learner, TEAMS.get(l % 2))));
            int changes = 1 + random.nextInt(3);
            for (int change = 0; change < changes; change++) {
                double score = random.nextDouble();
                stream.add(Event.of(ContractEvents.mastery(learner, "c1", level(score), score >= 0.6, score,
                        T0.plusSeconds(60L * (l * 4 + change)))));
            }
            if (l % 7 == 3) {
                stream.add(Event.of(ContractEvents.team(learner, TEAMS.get((l + 1) % 2))));
            }
            if (l % 11 == 5) {
                stream.add(Event.of(ContractEvents.erased(learner)));
            }
            streams.add(stream);
        }

        List<Double> first = null;
        for (int order = 0; order < 50; order++) {
            AnalyticsState state = ContractEvents.fold(interleaved(streams, new Random(order)));
            List<Double> means = means(state);
            assertThat(means).as("order %d", order).hasSize(6).doesNotContainNull();
            if (first == null) {
                first = means;
            }
            assertThat(means).as("order %d", order).isEqualTo(first);
        }
    }

    @Test
    void givesTheExactDecimalMean_whenItsDoubleSumWouldDrift() {
        List<Event> events = new ArrayList<>();
        events.add(Event.of(ContractEvents.framework(1, List.of("c1"))));
        double[] scores = {0.1, 0.2, 0.3};
        for (int l = 0; l < scores.length; l++) {
            events.add(Event.of(ContractEvents.registered("learner-" + l, "eng")));
            events.add(Event.of(ContractEvents.team("learner-" + l, "team-a")));
            events.add(Event.of(ContractEvents.mastery("learner-" + l, "c1", "DEVELOPING", false, scores[l], T0)));
        }
        assertThat((0.1 + 0.2 + 0.3) / 3).as("the double sum").isNotEqualTo(0.2);

        AnalyticsState state = ContractEvents.fold(events);

        assertThat(means(state)).containsOnly(0.2);
    }

    /** Per team: the mean from the totals, from a visit of every cell, and from the team's own report. */
    private static List<Double> means(AnalyticsState state) {
        List<Double> means = new ArrayList<>();
        long farFuture = Instant.parse("9999-12-31T00:00:00Z").toEpochMilli();
        for (Long asOf : new Long[] {null, farFuture}) {
            CapabilityMap.answer(state, ADMIN, new CapabilityMap.Question(null, null,
                    new Scope(null, null, null, GroupBy.TEAM), asOf), T0).cells().stream()
                    .filter(cell -> cell.teamId() != null && cell.rated() != null && cell.rated() > 0)
                    .sorted((a, b) -> a.teamId().compareTo(b.teamId()))
                    .forEach(cell -> means.add(cell.averageScore()));
        }
        for (String team : List.of("team-a", "team-b")) {
            TeamCapability.of(state, ADMIN, team).competencies()
                    .forEach(competency -> means.add(competency.averageScore()));
        }
        return means;
    }

    /** The framework first, then the learners' streams interleaved at random, each in its own order. */
    private static List<Event> interleaved(List<List<Event>> streams, Random random) {
        List<Event> events = new ArrayList<>();
        events.add(Event.of(ContractEvents.framework(1, List.of("c1"))));
        List<Integer> turns = new ArrayList<>();
        for (int s = 0; s < streams.size(); s++) {
            turns.addAll(Collections.nCopies(streams.get(s).size(), s));
        }
        Collections.shuffle(turns, random);
        int[] next = new int[streams.size()];
        for (int s : turns) {
            events.add(streams.get(s).get(next[s]++));
        }
        return events;
    }

    private static String level(double score) {
        return score >= 0.8 ? "PROFICIENT" : score >= 0.6 ? "COMPETENT" : score >= 0.4 ? "DEVELOPING" : "NOT_YET";
    }
}
