package dev.competency.assessments.xapi.domain;

import dev.competency.assessments.evidence.domain.EvidenceItem;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the evidence an xAPI statement on an aligned activity gives; doing it again changes nothing. */
public record RecordStatementEvidence(@TargetAggregateIdentifier String statementId, List<EvidenceItem> evidence) {
}
