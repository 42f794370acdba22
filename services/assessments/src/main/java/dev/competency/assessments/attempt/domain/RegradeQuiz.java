package dev.competency.assessments.attempt.domain;

import dev.competency.assessments.assessment.domain.PublishedAssessment;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Score a scored quiz attempt again: against a corrected version of the assessment (a new answer key), with an
 * assessor's credit for some items overriding the automatic credit, or both.
 *
 * @param correctedVersion a later published version of the same assessment to score against; null keeps the version
 * @param credits          item id → share of the item's points awarded, in [0, 1]; overrides earlier overrides
 */
public record RegradeQuiz(@TargetAggregateIdentifier String attemptId, String assessorId,
                          PublishedAssessment correctedVersion, Map<String, Double> credits, String reason) {
}
