package dev.competency.learners.learner.domain;

import java.time.Instant;

/** The learner's team or manager changed. */
public record TeamChanged(String learnerId, String teamId, String previousTeamId, String managerId,
                          Instant changedAt) {
}
