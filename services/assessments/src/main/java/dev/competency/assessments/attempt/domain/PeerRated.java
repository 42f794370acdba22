package dev.competency.assessments.attempt.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A peer rated a learner. The peer's id stays inside this service: no view or evidence shows it to anyone. */
public record PeerRated(String attemptId, String ratingId, String peerId, Map<String, String> levels, String comment,
                        Instant ratedAt, List<CompetencyResult> results) {
}
