package dev.competency.contracts.evidence;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.competency.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A learner demonstrated a competency to some degree. Evidence is immutable: a correction is a void of the old
 * evidence plus new evidence. The same evidenceId published twice describes the same evidence.
 *
 * @param evidenceId       UUID of the evidence
 * @param frameworkVersion the framework version whose competency and policy the evidence was aligned to
 * @param score            normalised score in [0, 1]
 * @param rawScore         score on the instrument's own scale, where known
 * @param maxScore         maximum of the instrument's scale, where known
 * @param occurredAt       when the learner did it (event time; the order of the mastery fold)
 * @param recordedAt       when the platform learned of it (record time)
 * @param ratedLevel       proficiency level code set by a manual rating; only with {@link SourceType#MANUAL_RATING}
 * @param reason           free-text justification, for example of a manual rating
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvidenceRecorded(
        @JsonProperty(required = true) String evidenceId,
        @JsonProperty(required = true) String learnerId,
        @JsonProperty(required = true) String competencyId,
        @JsonProperty(required = true) String frameworkId,
        @JsonProperty(required = true) int frameworkVersion,
        @JsonProperty(required = true) double score,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double rawScore,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double maxScore,
        @JsonProperty(required = true) SourceType sourceType,
        @JsonProperty(required = true) Actor actor,
        @JsonProperty(required = true) Instant occurredAt,
        @JsonProperty(required = true) Instant recordedAt,
        @JsonProperty(required = true) Provenance provenance,
        @JsonInclude(JsonInclude.Include.NON_NULL) String ratedLevel,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason) implements IntegrationEvent {

    public EvidenceRecorded {
        Objects.requireNonNull(evidenceId, "evidenceId is required");
        Objects.requireNonNull(learnerId, "learnerId is required");
        Objects.requireNonNull(competencyId, "competencyId is required");
        Objects.requireNonNull(frameworkId, "frameworkId is required");
        Objects.requireNonNull(sourceType, "sourceType is required");
        Objects.requireNonNull(actor, "actor is required");
        Objects.requireNonNull(occurredAt, "occurredAt is required");
        Objects.requireNonNull(recordedAt, "recordedAt is required");
        Objects.requireNonNull(provenance, "provenance is required");
        if (frameworkVersion < 1) {
            throw new IllegalArgumentException("frameworkVersion must be at least 1 but was " + frameworkVersion);
        }
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be in [0, 1] but was " + score);
        }
        if (maxScore != null && !(maxScore > 0.0)) {
            throw new IllegalArgumentException("maxScore must be positive but was " + maxScore);
        }
        if (ratedLevel != null && sourceType != SourceType.MANUAL_RATING) {
            throw new IllegalArgumentException("ratedLevel is only allowed with sourceType MANUAL_RATING but sourceType was "
                    + sourceType);
        }
    }

    /** The learnerId: all evidence of one learner is ordered on one partition. */
    @Override
    public String partitionKey() {
        return learnerId;
    }

    /**
     * Where the evidence came from inside its source, so that it can be traced back and re-graded. Every field
     * is optional; which ones are set depends on the {@link SourceType}.
     *
     * @param assessmentId    the assessment definition
     * @param attemptId       the learner's attempt at that assessment
     * @param statementId     the xAPI statement id (a UUID)
     * @param gradingRevision increases each time the attempt is re-graded
     * @param activityId      the xAPI activity IRI
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Provenance(
            @JsonInclude(JsonInclude.Include.NON_NULL) String assessmentId,
            @JsonInclude(JsonInclude.Include.NON_NULL) String attemptId,
            @JsonInclude(JsonInclude.Include.NON_NULL) String statementId,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer gradingRevision,
            @JsonInclude(JsonInclude.Include.NON_NULL) String activityId) {

        public Provenance {
            if (gradingRevision != null && gradingRevision < 1) {
                throw new IllegalArgumentException("gradingRevision must be at least 1 but was " + gradingRevision);
            }
        }
    }
}
