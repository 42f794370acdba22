package dev.competency.community.challenge.domain;

import java.util.List;
import java.util.Optional;

/** Where the facts a challenge counts are kept: per challenge, the last fact of each learner and competency. */
public interface LedgerStore {

    /** The last mastery fact of the learner on the competency that the challenge took. */
    Optional<MasteryFact> mastery(String challengeId, String learnerId, String competencyId);

    void putMastery(String challengeId, MasteryFact fact);

    /** The last membership fact of the learner that the challenge took. */
    Optional<MembershipFact> membership(String challengeId, String learnerId);

    void putMembership(String challengeId, MembershipFact fact);

    /** Every learner the challenge counts as a member. */
    List<String> members(String challengeId, Group group);

    /** The mastery facts the challenge took, of the given learners. */
    List<MasteryFact> masteries(String challengeId, List<String> learnerIds);
}
