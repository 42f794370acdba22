package dev.competency.learners.learner.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes a piece of evidence into the learner's record; the same evidence id twice changes nothing. */
public record RecordEvidence(@TargetAggregateIdentifier String learnerId, EvidenceItem evidence)
        implements LearnerCommand {
}
