package dev.competency.community.challenge.domain;

import java.time.Instant;

/** A challenge as the ledger needs it. */
public record ChallengeDefinition(String challengeId, Group group, Goal goal, Instant startsAt, Instant endsAt) {

    /** Whether the end has passed at {@code now}: the outcome is then decided. */
    public boolean endedAt(Instant now) {
        return !now.isBefore(endsAt);
    }
}
