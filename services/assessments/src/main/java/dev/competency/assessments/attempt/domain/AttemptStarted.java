package dev.competency.assessments.attempt.domain;

import dev.competency.assessments.assessment.domain.PublishedAssessment;
import java.time.Instant;

/** A learner started an attempt; {@code deadline} is null without a time limit. */
public record AttemptStarted(String attemptId, String learnerId, PublishedAssessment assessment, int attemptNumber,
                             Instant startedAt, Instant deadline) {
}
