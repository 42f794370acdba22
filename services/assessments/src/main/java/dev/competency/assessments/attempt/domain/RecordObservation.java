package dev.competency.assessments.attempt.domain;

import dev.competency.assessments.assessment.domain.PublishedAssessment;
import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An assessor or manager observed a learner on the job against a checklist.
 *
 * @param marks      whether each checklist item was met
 * @param observedAt when the learner did the work
 */
public record RecordObservation(@TargetAggregateIdentifier String attemptId, String learnerId,
                                PublishedAssessment assessment, String observerId, boolean observerIsManager,
                                Map<String, Boolean> marks, Instant observedAt) {
}
