package dev.competency.contracts.learners;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.competency.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * The learner exercised their right to erasure. Every consumer must delete the data it holds for the learnerId
 * (organisation unit, {@code mbox_sha1sum}, and a name or address kept from records older than contract version 1.1)
 * and may keep only data that no longer identifies the person. The event follows the learner's earlier events on the
 * same partition, so a consumer that replays the topic from the beginning also ends up without the data. It stays on
 * the topic for good: consumers that rebuild from the other topics, keyed by the same learnerId, learn from it which
 * learners to drop.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LearnerErased(
        @JsonProperty(required = true) String learnerId,
        @JsonProperty(required = true) Instant erasedAt) implements IntegrationEvent {

    public LearnerErased {
        Objects.requireNonNull(learnerId, "learnerId is required");
        Objects.requireNonNull(erasedAt, "erasedAt is required");
    }

    @Override
    public String partitionKey() {
        return learnerId;
    }
}
