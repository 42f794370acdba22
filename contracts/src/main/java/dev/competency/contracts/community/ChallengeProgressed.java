package dev.competency.contracts.community;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.competency.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The group total of a running challenge, or a member's contribution to it, changed.
 *
 * @param total         what the group has reached so far, counted as the challenge's goal says
 * @param contributions each member's part: 1 or 0 for {@link ChallengeGoal#MEMBERS_AT_LEVEL}, their mastered
 *                      competencies among the challenge's for {@link ChallengeGoal#MASTERED_COUNT}
 * @param progressedAt  when the service computed the change
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChallengeProgressed(
        @JsonProperty(required = true) String challengeId,
        @JsonProperty(required = true) int total,
        @JsonProperty(required = true) int target,
        @JsonProperty(required = true) List<Contribution> contributions,
        @JsonProperty(required = true) Instant progressedAt) implements IntegrationEvent {

    public ChallengeProgressed {
        Objects.requireNonNull(challengeId, "challengeId is required");
        Objects.requireNonNull(contributions, "contributions is required");
        Objects.requireNonNull(progressedAt, "progressedAt is required");
        contributions = List.copyOf(contributions);
    }

    @Override
    public String partitionKey() {
        return challengeId;
    }

    /** One member's part of the total. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contribution(
            @JsonProperty(required = true) String learnerId,
            @JsonProperty(required = true) int count) {

        public Contribution {
            Objects.requireNonNull(learnerId, "learnerId is required");
        }
    }
}
