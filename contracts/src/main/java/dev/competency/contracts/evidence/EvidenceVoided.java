package dev.competency.contracts.evidence;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.competency.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * Earlier evidence no longer counts, for example because it was recorded for the wrong learner or an xAPI
 * statement was voided. Consumers drop it from every computation; voiding unknown or already voided evidence
 * changes nothing.
 *
 * @param evidenceId   the evidenceId of the {@code evidence.recorded} event being voided
 * @param learnerId    the learner the evidence was recorded for
 * @param competencyId the competency the evidence was recorded for
 * @param actor        who voided it
 * @param reason       why, for the audit trail
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvidenceVoided(
        @JsonProperty(required = true) String evidenceId,
        @JsonProperty(required = true) String learnerId,
        @JsonProperty(required = true) String competencyId,
        @JsonProperty(required = true) Instant voidedAt,
        @JsonProperty(required = true) Actor actor,
        @JsonProperty(required = true) String reason) implements IntegrationEvent {

    public EvidenceVoided {
        Objects.requireNonNull(evidenceId, "evidenceId is required");
        Objects.requireNonNull(learnerId, "learnerId is required");
        Objects.requireNonNull(competencyId, "competencyId is required");
        Objects.requireNonNull(voidedAt, "voidedAt is required");
        Objects.requireNonNull(actor, "actor is required");
        Objects.requireNonNull(reason, "reason is required");
    }

    /** The learnerId, so that a void follows the evidence it voids on the same partition. */
    @Override
    public String partitionKey() {
        return learnerId;
    }
}
