package dev.competency.learners.learner.domain;

import java.time.Instant;

/**
 * The payload of the learner's deadline {@value Learner#CROSSING_DEADLINE}: at {@code dueAt} time alone changes the
 * level or mastered flag of at least one of the learner's competencies (decay or expiry), as the fold computed it.
 */
public record MasteryCrossingDue(Instant dueAt) {
}
