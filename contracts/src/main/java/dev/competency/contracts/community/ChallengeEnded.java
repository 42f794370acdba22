package dev.competency.contracts.community;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.competency.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A challenge's end time passed, and the group met or missed its goal. The outcome counts the mastery changes made
 * up to {@code endsAt}. It is decided when the service first notices the end (a read or the next event), so
 * {@code decidedAt} may come later than {@code endsAt}; a mastery change made before the end that arrives after the
 * decision and changes the outcome is followed by another {@code challenge.ended} with the corrected outcome.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChallengeEnded(
        @JsonProperty(required = true) String challengeId,
        @JsonProperty(required = true) Outcome outcome,
        @JsonProperty(required = true) int total,
        @JsonProperty(required = true) int target,
        @JsonProperty(required = true) Instant endsAt,
        @JsonProperty(required = true) Instant decidedAt) implements IntegrationEvent {

    public ChallengeEnded {
        Objects.requireNonNull(challengeId, "challengeId is required");
        Objects.requireNonNull(outcome, "outcome is required");
        Objects.requireNonNull(endsAt, "endsAt is required");
        Objects.requireNonNull(decidedAt, "decidedAt is required");
    }

    @Override
    public String partitionKey() {
        return challengeId;
    }

    public enum Outcome {
        MET,
        MISSED
    }
}
