package dev.competency.assessments.attempt.domain;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Save (some of) the learner's answers, replacing earlier answers to the same items. */
public record SaveResponses(@TargetAggregateIdentifier String attemptId, String learnerId,
                            Map<String, ItemResponse> responses) {
}
