package dev.competency.contracts.assessments;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.competency.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A learner started a peer-feedback attempt and asks peers to rate it. Published once per attempt, when it starts.
 *
 * @param learnerId      the learner whose attempt is to be rated
 * @param nominatedPeers the learner ids of the peers asked to rate; empty when the request is open to any peer
 * @param competencyIds  the competencies the peers rate, as aligned by the assessment version the attempt follows
 * @param requestedAt    when the attempt started
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PeerRatingRequested(
        @JsonProperty(required = true) String attemptId,
        @JsonProperty(required = true) String assessmentId,
        @JsonProperty(required = true) String learnerId,
        @JsonProperty(required = true) List<String> nominatedPeers,
        @JsonProperty(required = true) List<String> competencyIds,
        @JsonProperty(required = true) Instant requestedAt) implements IntegrationEvent {

    public PeerRatingRequested {
        Objects.requireNonNull(attemptId, "attemptId is required");
        Objects.requireNonNull(assessmentId, "assessmentId is required");
        Objects.requireNonNull(learnerId, "learnerId is required");
        Objects.requireNonNull(nominatedPeers, "nominatedPeers is required");
        Objects.requireNonNull(competencyIds, "competencyIds is required");
        Objects.requireNonNull(requestedAt, "requestedAt is required");
        nominatedPeers = List.copyOf(nominatedPeers);
        competencyIds = List.copyOf(competencyIds);
    }

    /** The learnerId: one learner's requests are ordered on one partition. */
    @Override
    public String partitionKey() {
        return learnerId;
    }
}
