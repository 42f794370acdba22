package dev.competency.contracts.learners;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.competency.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A learner moved between teams or got a new manager. Managers see the learners of their teams.
 *
 * @param teamId         the new team; absent when the learner left their team without joining another
 * @param previousTeamId the team before the change; absent when the learner had none
 * @param managerId      the user id of the learner's manager after the change, if any
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LearnerTeamChanged(
        @JsonProperty(required = true) String learnerId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String teamId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String previousTeamId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String managerId,
        @JsonProperty(required = true) Instant changedAt) implements IntegrationEvent {

    public LearnerTeamChanged {
        Objects.requireNonNull(learnerId, "learnerId is required");
        Objects.requireNonNull(changedAt, "changedAt is required");
    }

    @Override
    public String partitionKey() {
        return learnerId;
    }
}
