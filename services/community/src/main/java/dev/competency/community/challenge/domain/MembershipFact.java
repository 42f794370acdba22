package dev.competency.community.challenge.domain;

import dev.competency.contracts.community.ChallengeGroup;
import java.time.Instant;

/**
 * A learner's team ({@code learner.team-changed}) or unit ({@code learner.registered}) as the learners stream set it.
 *
 * @param groupId  the team or unit the learner is in from then on; null when they left their team
 * @param position the record's offset on the learners stream (one learner's records share a partition)
 */
public record MembershipFact(String learnerId, ChallengeGroup kind, String groupId, long position, Instant changedAt) {
}
