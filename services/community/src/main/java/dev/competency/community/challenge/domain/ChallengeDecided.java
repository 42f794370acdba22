package dev.competency.community.challenge.domain;

import dev.competency.contracts.community.ChallengeEnded.Outcome;
import java.time.Instant;

/** @param correction whether an earlier decision is corrected (a fact made before the end arrived after it) */
public record ChallengeDecided(String challengeId, Outcome outcome, Progress progress, boolean correction,
                               Instant endsAt, Instant at) {
}
