package dev.competency.learners.learner.domain;

import java.time.Instant;

/** A learner was registered. */
public record LearnerRegistered(String learnerId, String displayName, String email, String organisationUnit,
                                Instant registeredAt) {
}
