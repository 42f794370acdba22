package dev.competency.assessments.evidence.domain;

import dev.competency.contracts.evidence.ActorKind;
import java.time.Instant;

/** Earlier evidence that no longer counts, as this service's domain events carry it. */
public record EvidenceRevocation(String evidenceId, String learnerId, String competencyId, Instant voidedAt,
                                 String actorId, ActorKind actorKind, String reason) {

    /** Revokes {@code evidence}. */
    public static EvidenceRevocation of(EvidenceItem evidence, Instant voidedAt, String actorId, ActorKind actorKind,
                                        String reason) {
        return new EvidenceRevocation(evidence.evidenceId(), evidence.learnerId(), evidence.competencyId(), voidedAt,
                actorId, actorKind, reason);
    }
}
