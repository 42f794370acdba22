package dev.competency.assessments.xapi.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Void the evidence of a statement because a voiding statement targeted it; doing it again changes nothing. */
public record VoidStatementEvidence(@TargetAggregateIdentifier String statementId, String voidingStatementId,
                                    String actorId, Instant voidedAt) {
}
