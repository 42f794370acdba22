package dev.competency.community.challenge.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The ledger's store in maps, for tests of the ledger's rules. */
final class InMemoryLedgerStore implements LedgerStore {

    private final Map<List<String>, MasteryFact> masteries = new HashMap<>();
    private final Map<List<String>, MembershipFact> memberships = new HashMap<>();

    @Override
    public Optional<MasteryFact> mastery(String challengeId, String learnerId, String competencyId) {
        return Optional.ofNullable(masteries.get(List.of(challengeId, learnerId, competencyId)));
    }

    @Override
    public void putMastery(String challengeId, MasteryFact fact) {
        masteries.put(List.of(challengeId, fact.learnerId(), fact.competencyId()), fact);
    }

    @Override
    public Optional<MembershipFact> membership(String challengeId, String learnerId) {
        return Optional.ofNullable(memberships.get(List.of(challengeId, learnerId)));
    }

    @Override
    public void putMembership(String challengeId, MembershipFact fact) {
        memberships.put(List.of(challengeId, fact.learnerId()), fact);
    }

    @Override
    public List<String> members(String challengeId, Group group) {
        List<String> members = new ArrayList<>();
        memberships.forEach((key, fact) -> {
            if (key.get(0).equals(challengeId) && fact.kind() == group.kind()
                    && Objects.equals(fact.groupId(), group.id())) {
                members.add(fact.learnerId());
            }
        });
        return members;
    }

    @Override
    public List<MasteryFact> masteries(String challengeId, List<String> learnerIds) {
        List<MasteryFact> facts = new ArrayList<>();
        masteries.forEach((key, fact) -> {
            if (key.get(0).equals(challengeId) && learnerIds.contains(fact.learnerId())) {
                facts.add(fact);
            }
        });
        return facts;
    }
}
