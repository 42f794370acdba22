package dev.competency.assessments.attempt.domain;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A peer rates the competency a learner demonstrated, once per peer.
 *
 * @param ratingId a random id of this rating, the only thing evidence tells about it (never who rated)
 */
public record RatePeer(@TargetAggregateIdentifier String attemptId, String ratingId, String peerId,
                       Map<String, String> levels, String comment) {
}
