package dev.competency.assessments.attempt.domain;

import dev.competency.assessments.assessment.domain.PublishedAssessment;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Start an attempt of a learner at a published assessment version.
 *
 * @param attemptsSoFar how many attempts the learner already started at this assessment, for the attempt limit
 */
public record StartAttempt(@TargetAggregateIdentifier String attemptId, String learnerId,
                           PublishedAssessment assessment, int attemptsSoFar) {
}
