package dev.competency.contracts.mastery;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.competency.contracts.IntegrationEvent;
import dev.competency.contracts.frameworks.MethodType;
import java.time.Instant;
import java.util.Objects;

/**
 * The level, score or mastered flag of one learner on one competency changed. Published only when something
 * changed; the previous values let a consumer count transitions without keeping state.
 *
 * @param frameworkVersion   the framework version whose policy produced the result
 * @param policyVersion      the mastery policy version used
 * @param method             the method of that policy
 * @param level              proficiency level code reached; absent while no level is reached
 * @param previousLevel      level before the change; absent when there was none
 * @param score              normalised score in [0, 1]; absent while the method yields none (for example
 *                           {@link MethodType#N_MASTERY} before n scores)
 * @param previousScore      score before the change, in [0, 1]; absent when there was none
 * @param evidenceCount      evidence items that contributed, after voids
 * @param changedAt          when the platform computed the change (record time)
 * @param validAt            from when the new state holds in event time: the occurredAt of the evidence that
 *                           caused it, or for {@link ChangeCause#DECAYED} and {@link ChangeCause#EXPIRED} the
 *                           instant time crossed the threshold; absent when the change has no such instant
 * @param expiresAt          when the mastery lapses unless renewed, under the policy's validity period
 * @param triggeringEvidenceId the evidenceId that caused the change, for {@link ChangeCause#EVIDENCE_RECORDED},
 *                           {@link ChangeCause#EVIDENCE_VOIDED} and {@link ChangeCause#MANUAL_RATING}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MasteryChanged(
        @JsonProperty(required = true) String learnerId,
        @JsonProperty(required = true) String competencyId,
        @JsonProperty(required = true) String frameworkId,
        @JsonProperty(required = true) int frameworkVersion,
        @JsonProperty(required = true) int policyVersion,
        @JsonProperty(required = true) MethodType method,
        @JsonInclude(JsonInclude.Include.NON_NULL) String level,
        @JsonInclude(JsonInclude.Include.NON_NULL) String previousLevel,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double score,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double previousScore,
        @JsonProperty(required = true) boolean mastered,
        @JsonProperty(required = true) boolean previouslyMastered,
        @JsonProperty(required = true) int evidenceCount,
        @JsonProperty(required = true) Instant changedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant validAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant expiresAt,
        @JsonProperty(required = true) ChangeCause cause,
        @JsonInclude(JsonInclude.Include.NON_NULL) String triggeringEvidenceId) implements IntegrationEvent {

    public MasteryChanged {
        Objects.requireNonNull(learnerId, "learnerId is required");
        Objects.requireNonNull(competencyId, "competencyId is required");
        Objects.requireNonNull(frameworkId, "frameworkId is required");
        Objects.requireNonNull(method, "method is required");
        Objects.requireNonNull(changedAt, "changedAt is required");
        Objects.requireNonNull(cause, "cause is required");
        if (frameworkVersion < 1) {
            throw new IllegalArgumentException("frameworkVersion must be at least 1 but was " + frameworkVersion);
        }
        if (policyVersion < 1) {
            throw new IllegalArgumentException("policyVersion must be at least 1 but was " + policyVersion);
        }
        if (evidenceCount < 0) {
            throw new IllegalArgumentException("evidenceCount must not be negative but was " + evidenceCount);
        }
        if (score != null && !(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be in [0, 1] but was " + score);
        }
        if (previousScore != null && !(previousScore >= 0.0 && previousScore <= 1.0)) {
            throw new IllegalArgumentException("previousScore must be in [0, 1] but was " + previousScore);
        }
    }

    /** The learnerId: all mastery changes of one learner are ordered on one partition. */
    @Override
    public String partitionKey() {
        return learnerId;
    }

    /**
     * Why the mastery was recomputed. An open set: values are added within {@code v1} (appended, never renamed or
     * removed). A consumer must accept a cause it does not know and treat it as {@link #RECOMPUTED}: the event's
     * level, score and mastered flag are the new state whatever the cause. Consumers reading with Jackson can map
     * unknown values to it with {@code READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE}.
     */
    public enum ChangeCause {
        EVIDENCE_RECORDED,
        EVIDENCE_VOIDED,
        /** A new framework version changed the policy, scale or structure. */
        POLICY_CHANGED,
        /** A manual rating set or released the level. */
        MANUAL_RATING,
        /**
         * The validity period ran out with no new evidence: mastered became false, the level stays. {@code validAt}
         * is the expiry instant.
         */
        EXPIRED,
        /** An operator rebuilt the mastery from the evidence stream and the result differed. */
        @JsonEnumDefaultValue
        RECOMPUTED,
        /**
         * Time alone lowered the level: the score, decayed by the policy's half-life since the last evidence, fell
         * below the level's threshold. {@code validAt} is the instant it did.
         */
        DECAYED
    }
}
