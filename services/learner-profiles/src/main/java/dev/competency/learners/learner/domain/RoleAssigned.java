package dev.competency.learners.learner.domain;

import java.time.Instant;

/** The learner holds a role. */
public record RoleAssigned(String learnerId, String roleProfileId, Integer roleProfileVersion, Instant assignedAt) {
}
