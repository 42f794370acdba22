package dev.competency.community.challenge.domain;

import java.time.Instant;

/**
 * A {@code mastery.changed} as a challenge counts it.
 *
 * @param position its offset on the mastery stream: one learner's changes share a partition, so a higher offset is a
 *                 later change of that learner whatever the timestamps say
 */
public record MasteryFact(String learnerId, String competencyId, long position, Instant changedAt, String level,
                          boolean mastered) {
}
