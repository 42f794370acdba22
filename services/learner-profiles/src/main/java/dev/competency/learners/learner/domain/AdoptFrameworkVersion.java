package dev.competency.learners.learner.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A framework version became known: competencies of that framework held under an older version move to it, and
 * competencies waiting for exactly this version get their first mastery. Mastery is recomputed by refolding the
 * learner's evidence; only results that differ are recorded.
 */
public record AdoptFrameworkVersion(@TargetAggregateIdentifier String learnerId, String frameworkId, int version)
        implements LearnerCommand {
}
