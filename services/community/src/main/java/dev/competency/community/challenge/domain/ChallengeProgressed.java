package dev.competency.community.challenge.domain;

import java.time.Instant;

public record ChallengeProgressed(String challengeId, Progress progress, Instant at) {
}
