package dev.competency.assessments.rating.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An authorised assessor sets a learner's proficiency level on one competency directly, with a reason. */
public record RateCompetency(@TargetAggregateIdentifier String ratingId, String learnerId, String frameworkId,
                             int frameworkVersion, String competencyId, String level, String reason,
                             String assessorId) {
}
