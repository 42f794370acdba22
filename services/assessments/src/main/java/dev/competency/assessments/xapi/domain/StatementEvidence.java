package dev.competency.assessments.xapi.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.competency.assessments.evidence.domain.EvidenceItem;
import dev.competency.assessments.evidence.domain.EvidenceRevocation;
import dev.competency.contracts.evidence.ActorKind;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The evidence of one xAPI statement, so that statement evidence is published through the event store like all
 * other evidence. Both commands are idempotent: the statement store may send them again after a crash.
 */
@Aggregate
public class StatementEvidence {

    @AggregateIdentifier
    private String statementId;
    private List<EvidenceItem> evidence;
    private boolean voided;

    protected StatementEvidence() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordStatementEvidence command) {
        if (statementId != null) {
            return;
        }
        if (command.evidence() == null || command.evidence().isEmpty()) {
            throw new IllegalArgumentException("a statement gives at least one piece of evidence");
        }
        if (command.evidence().stream().anyMatch(item -> !command.statementId().equals(item.statementId()))) {
            throw new IllegalArgumentException("every piece of evidence must come from statement "
                    + command.statementId());
        }
        apply(new StatementEvidenceRecorded(command.statementId(), List.copyOf(command.evidence())));
    }

    @CommandHandler
    void handle(VoidStatementEvidence command) {
        if (voided) {
            return;
        }
        List<EvidenceRevocation> revocations = evidence.stream()
                .map(item -> EvidenceRevocation.of(item, command.voidedAt(), command.actorId(),
                        ActorKind.ACTIVITY_PROVIDER, "xAPI statement " + statementId + " was voided by statement "
                                + command.voidingStatementId()))
                .toList();
        apply(new StatementEvidenceVoided(statementId, command.voidingStatementId(), revocations));
    }

    @EventSourcingHandler
    void on(StatementEvidenceRecorded event) {
        statementId = event.statementId();
        evidence = event.evidence();
    }

    @EventSourcingHandler
    void on(StatementEvidenceVoided event) {
        voided = true;
    }
}
