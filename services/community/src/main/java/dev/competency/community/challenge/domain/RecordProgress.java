package dev.competency.community.challenge.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The progress the ledger shows now; recorded when it differs from the last recorded, while the challenge runs. */
public record RecordProgress(@TargetAggregateIdentifier String challengeId, Progress progress, Instant at) {
}
