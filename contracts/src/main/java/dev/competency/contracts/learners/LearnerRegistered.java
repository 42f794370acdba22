package dev.competency.contracts.learners;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.competency.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A learner became known to the platform. The optional fields are personal data: a consumer that stores them
 * must delete them when {@code learner.erased} arrives for the learnerId.
 *
 * @param organisationUnit the learner's department or business unit, free text
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LearnerRegistered(
        @JsonProperty(required = true) String learnerId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String displayName,
        @JsonInclude(JsonInclude.Include.NON_NULL) String email,
        @JsonInclude(JsonInclude.Include.NON_NULL) String organisationUnit,
        @JsonProperty(required = true) Instant registeredAt) implements IntegrationEvent {

    public LearnerRegistered {
        Objects.requireNonNull(learnerId, "learnerId is required");
        Objects.requireNonNull(registeredAt, "registeredAt is required");
    }

    @Override
    public String partitionKey() {
        return learnerId;
    }
}
