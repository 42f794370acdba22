package dev.competency.assessments.attempt.domain;

import java.time.Instant;
import java.util.Map;

/** A learner saved answers. */
public record ResponsesSaved(String attemptId, Map<String, ItemResponse> responses, Instant savedAt) {
}
