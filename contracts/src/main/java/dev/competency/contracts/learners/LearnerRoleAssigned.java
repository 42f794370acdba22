package dev.competency.contracts.learners;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.competency.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A learner now holds a role, whose profile (see {@code role-profile.published}) sets the competencies and target
 * levels the learner is measured against.
 *
 * @param roleProfileVersion the profile version pinned for this learner; absent means always the latest version
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LearnerRoleAssigned(
        @JsonProperty(required = true) String learnerId,
        @JsonProperty(required = true) String roleProfileId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer roleProfileVersion,
        @JsonProperty(required = true) Instant assignedAt) implements IntegrationEvent {

    public LearnerRoleAssigned {
        Objects.requireNonNull(learnerId, "learnerId is required");
        Objects.requireNonNull(roleProfileId, "roleProfileId is required");
        Objects.requireNonNull(assignedAt, "assignedAt is required");
        if (roleProfileVersion != null && roleProfileVersion < 1) {
            throw new IllegalArgumentException("roleProfileVersion must be at least 1 but was " + roleProfileVersion);
        }
    }

    @Override
    public String partitionKey() {
        return learnerId;
    }
}
