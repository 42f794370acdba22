package dev.competency.learners.learner.domain;

import java.time.Instant;

/**
 * The learner's pending time-driven check ran at {@code checkedAt}: every competency was folded at that instant and
 * each whose level or mastered flag had changed by decay or expiry was recorded. From then on the learner's masteries
 * are folded at least as of that instant. Internal: it is not published.
 */
public record MasteryTimeChecked(String learnerId, Instant checkedAt) {
}
