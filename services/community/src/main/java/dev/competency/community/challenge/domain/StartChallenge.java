package dev.competency.community.challenge.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets a group a goal; the caller's right to set it for the group is checked before. */
public record StartChallenge(@TargetAggregateIdentifier String challengeId, String title, Group group, Goal goal,
                             Instant startsAt, Instant endsAt, boolean onLeaderboard, String setBy, Instant at) {
}
