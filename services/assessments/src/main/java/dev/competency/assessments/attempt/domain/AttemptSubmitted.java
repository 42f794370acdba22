package dev.competency.assessments.attempt.domain;

import java.time.Instant;

/** A learner handed the attempt in; {@code late} when after the time limit of an assessment that accepts it. */
public record AttemptSubmitted(String attemptId, Instant submittedAt, boolean late) {
}
