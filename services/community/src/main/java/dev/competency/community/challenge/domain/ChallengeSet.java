package dev.competency.community.challenge.domain;

import java.time.Instant;

/** @param onLeaderboard whether the group takes part in the leaderboard with this challenge */
public record ChallengeSet(String challengeId, String title, Group group, Goal goal, Instant startsAt, Instant endsAt,
                           boolean onLeaderboard, String setBy, Instant at) {

    public ChallengeDefinition definition() {
        return new ChallengeDefinition(challengeId, group, goal, startsAt, endsAt);
    }
}
