package dev.competency.community.challenge.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The outcome from the ledger's progress, once the end has passed at {@code at}. */
public record DecideOutcome(@TargetAggregateIdentifier String challengeId, Progress progress, Instant at) {
}
