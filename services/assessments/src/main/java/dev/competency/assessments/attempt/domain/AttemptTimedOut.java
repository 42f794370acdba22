package dev.competency.assessments.attempt.domain;

import java.time.Instant;

/** The time limit passed before the learner submitted: the attempt is handed in as it was saved. */
public record AttemptTimedOut(String attemptId, Instant deadline, Instant timedOutAt) {
}
