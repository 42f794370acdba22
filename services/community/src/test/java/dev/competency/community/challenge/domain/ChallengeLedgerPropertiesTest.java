package dev.competency.community.challenge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.contracts.community.ChallengeGoal;
import dev.competency.contracts.community.ChallengeGroup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The ledger against a from-scratch computation over generated streams: per learner, mastery changes and team moves
 * in stream order (offsets rising) with timestamps in any order, some after the end; delivered interleaved, shuffled
 * and with copies of earlier records. Whatever the delivery, progress and outcome are those of the last fact per
 * learner and competency (and per learner's team) made up to the end, in stream order.
 */
class ChallengeLedgerPropertiesTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-03-31T00:00:00Z");
    private static final List<String> LEVELS = List.of("NOVICE", "PRACTITIONER", "PROFICIENT", "EXPERT");
    private static final List<String> COMPETENCIES = List.of("c1", "c2", "c3");
    private static final List<String> TEAMS = List.of("team-a", "team-b");

    /** One learner's facts in stream order. */
    record LearnerStream(String learnerId, List<MasteryFact> masteries, List<MembershipFact> moves) {
    }

    record Scenario(ChallengeGoal goalKind, int target, List<LearnerStream> learners, long seed) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<LearnerStream>> learners = learnerStream().list().ofMinSize(1).ofMaxSize(5)
                .map(streams -> {
                    List<LearnerStream> named = new ArrayList<>();
                    for (int i = 0; i < streams.size(); i++) {
                        named.add(rename(streams.get(i), "learner-" + i));
                    }
                    return named;
                });
        return Combinators.combine(Arbitraries.of(ChallengeGoal.class), Arbitraries.integers().between(1, 6),
                learners, Arbitraries.longs()).as(Scenario::new);
    }

    private Arbitrary<LearnerStream> learnerStream() {
        Arbitrary<Instant> time = Arbitraries.longs().between(-5, 40)
                .map(days -> START.plusSeconds(days * 86_400 + days % 7));
        Arbitrary<MasteryFact> mastery = Combinators.combine(Arbitraries.of(COMPETENCIES),
                Arbitraries.of(LEVELS).injectNull(0.1), Arbitraries.of(true, false), time)
                .as((competency, level, mastered, at) -> new MasteryFact("?", competency, 0, at, level, mastered));
        Arbitrary<MembershipFact> move = Combinators.combine(Arbitraries.of(TEAMS).injectNull(0.2), time)
                .as((team, at) -> new MembershipFact("?", ChallengeGroup.TEAM, team, 0, at));
        return Combinators.combine(mastery.list().ofMaxSize(8), move.list().ofMinSize(0).ofMaxSize(3))
                .as((masteries, moves) -> new LearnerStream("?", masteries, moves));
    }

    private static LearnerStream rename(LearnerStream stream, String learnerId) {
        List<MasteryFact> masteries = new ArrayList<>();
        for (int i = 0; i < stream.masteries().size(); i++) {
            MasteryFact fact = stream.masteries().get(i);
            masteries.add(new MasteryFact(learnerId, fact.competencyId(), 10L * i + 3, fact.changedAt(), fact.level(),
                    fact.mastered()));
        }
        List<MembershipFact> moves = new ArrayList<>();
        for (int i = 0; i < stream.moves().size(); i++) {
            MembershipFact fact = stream.moves().get(i);
            moves.add(new MembershipFact(learnerId, fact.kind(), fact.groupId(), 7L * i + 1, fact.changedAt()));
        }
        return new LearnerStream(learnerId, masteries, moves);
    }

    private static ChallengeDefinition challenge(Scenario scenario) {
        Map<String, List<String>> scales = new HashMap<>();
        COMPETENCIES.forEach(competency -> scales.put(competency, LEVELS));
        return new ChallengeDefinition("ch-1", new Group(ChallengeGroup.TEAM, "team-a"),
                new Goal(scenario.goalKind(), List.of("c1", "c2"), "PROFICIENT", scales, scenario.target()),
                START, END);
    }

    @Property(tries = 300)
    void countsLastFactsUpToTheEnd_whenFactsArriveInAnyOrderWithCopies(@ForAll("scenarios") Scenario scenario) {
        ChallengeDefinition challenge = challenge(scenario);
        ChallengeLedger ledger = new ChallengeLedger(new InMemoryLedgerStore());

        for (Object fact : delivery(scenario)) {
            if (fact instanceof MasteryFact mastery) {
                ledger.take(challenge, mastery);
            } else {
                ledger.take(challenge, (MembershipFact) fact);
            }
        }

        Progress expected = fromScratch(challenge, scenario);
        Progress actual = ledger.progress(challenge);
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.goalReached()).isEqualTo(expected.total() >= scenario.target());
    }

    /** Every fact once in stream order per learner, interleaved at random, then shuffled, with copies added. */
    private static List<Object> delivery(Scenario scenario) {
        Random random = new Random(scenario.seed());
        List<Object> facts = new ArrayList<>();
        for (LearnerStream stream : scenario.learners()) {
            facts.addAll(stream.masteries());
            facts.addAll(stream.moves());
        }
        Collections.shuffle(facts, random);
        int copies = facts.isEmpty() ? 0 : random.nextInt(facts.size() + 1);
        for (int i = 0; i < copies; i++) {
            facts.add(random.nextInt(facts.size() + 1), facts.get(random.nextInt(facts.size())));
        }
        return facts;
    }

    /** Written apart from the ledger: last fact per key in stream order among those made up to the end. */
    private static Progress fromScratch(ChallengeDefinition challenge, Scenario scenario) {
        Map<String, Integer> counts = new TreeMap<>();
        for (LearnerStream stream : scenario.learners()) {
            MembershipFact lastMove = stream.moves().stream().filter(move -> !move.changedAt().isAfter(END))
                    .max(Comparator.comparingLong(MembershipFact::position)).orElse(null);
            if (lastMove == null || !"team-a".equals(lastMove.groupId())) {
                continue;
            }
            Map<String, MasteryFact> last = new HashMap<>();
            stream.masteries().stream().filter(fact -> !fact.changedAt().isAfter(END))
                    .filter(fact -> List.of("c1", "c2").contains(fact.competencyId()))
                    .sorted(Comparator.comparingLong(MasteryFact::position))
                    .forEach(fact -> last.put(fact.competencyId(), fact));
            int count;
            if (challenge.goal().kind() == ChallengeGoal.MASTERED_COUNT) {
                count = (int) last.values().stream().filter(MasteryFact::mastered).count();
            } else {
                boolean both = List.of("c1", "c2").stream().allMatch(competency -> last.containsKey(competency)
                        && last.get(competency).level() != null
                        && LEVELS.indexOf(last.get(competency).level()) >= LEVELS.indexOf("PROFICIENT"));
                count = both ? 1 : 0;
            }
            counts.put(stream.learnerId(), count);
        }
        List<Progress.Contribution> contributions = new ArrayList<>();
        counts.forEach((learner, count) -> contributions.add(new Progress.Contribution(learner, count)));
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new Progress(total, scenario.target(), contributions);
    }
}
