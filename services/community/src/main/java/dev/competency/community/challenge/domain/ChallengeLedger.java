package dev.competency.community.challenge.domain;

import dev.competency.contracts.community.ChallengeGoal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facts a challenge counts, and its progress from them. Plain Java over a {@link LedgerStore}.
 *
 * <ul>
 *   <li>A challenge counts the last fact of each learner and competency (and each learner's last team or unit) in the
 *       order of its stream: a fact at a lower or equal offset than the one taken is ignored, so a duplicate, a
 *       redelivery or a record read out of order changes nothing, and the result is the same whatever the order the
 *       facts arrive in.</li>
 *   <li>Facts made after the challenge's end are not taken: the outcome counts what was true at the end. Facts from
 *       before the start count: a level reached earlier is a level reached.</li>
 *   <li>Members are the learners whose last team (or unit) fact puts them in the group: a member who left the team
 *       no longer counts, one who joined does.</li>
 * </ul>
 */
public final class ChallengeLedger {

    private final LedgerStore store;

    public ChallengeLedger(LedgerStore store) {
        this.store = store;
    }

    /** @return whether the challenge took the fact */
    public boolean take(ChallengeDefinition challenge, MasteryFact fact) {
        if (!challenge.goal().competencyIds().contains(fact.competencyId())
                || fact.changedAt().isAfter(challenge.endsAt())) {
            return false;
        }
        Optional<MasteryFact> taken = store.mastery(challenge.challengeId(), fact.learnerId(), fact.competencyId());
        if (taken.isPresent() && taken.get().position() >= fact.position()) {
            return false;
        }
        store.putMastery(challenge.challengeId(), fact);
        return true;
    }

    /** @return whether the challenge took the fact */
    public boolean take(ChallengeDefinition challenge, MembershipFact fact) {
        if (fact.kind() != challenge.group().kind() || fact.changedAt().isAfter(challenge.endsAt())) {
            return false;
        }
        Optional<MembershipFact> taken = store.membership(challenge.challengeId(), fact.learnerId());
        if (taken.isPresent() && taken.get().position() >= fact.position()) {
            return false;
        }
        store.putMembership(challenge.challengeId(), fact);
        return true;
    }

    public Progress progress(ChallengeDefinition challenge) {
        Goal goal = challenge.goal();
        List<String> members = new ArrayList<>(store.members(challenge.challengeId(), challenge.group()));
        members.sort(null);
        Map<String, List<MasteryFact>> byMember = new HashMap<>();
        for (MasteryFact fact : store.masteries(challenge.challengeId(), members)) {
            byMember.computeIfAbsent(fact.learnerId(), id -> new ArrayList<>()).add(fact);
        }
        List<Progress.Contribution> contributions = new ArrayList<>();
        int total = 0;
        for (String member : members) {
            List<MasteryFact> facts = byMember.getOrDefault(member, List.of());
            int count = goal.kind() == ChallengeGoal.MEMBERS_AT_LEVEL ? atLevelEverywhere(goal, facts) : mastered(facts);
            contributions.add(new Progress.Contribution(member, count));
            total += count;
        }
        return new Progress(total, goal.target(), contributions);
    }

    private static int atLevelEverywhere(Goal goal, List<MasteryFact> facts) {
        for (String competency : goal.competencyIds()) {
            boolean reached = facts.stream().anyMatch(fact -> fact.competencyId().equals(competency)
                    && goal.atLevel(competency, fact.level()));
            if (!reached) {
                return 0;
            }
        }
        return 1;
    }

    private static int mastered(List<MasteryFact> facts) {
        return (int) facts.stream().filter(MasteryFact::mastered).count();
    }
}
