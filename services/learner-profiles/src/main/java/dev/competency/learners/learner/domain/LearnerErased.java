package dev.competency.learners.learner.domain;

import java.time.Instant;

/**
 * The learner was erased: read models drop everything they hold on the learner, the public stream carries
 * {@code learner.erased}, and the learner takes no further evidence, role or team.
 */
public record LearnerErased(String learnerId, Instant erasedAt, String erasedBy) {
}
