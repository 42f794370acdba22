package dev.competency.learners.learner.domain;

import java.time.Instant;

/** Earlier evidence no longer counts. {@code voidedAt} is when the void was recorded at its source. */
public record EvidenceVoided(String learnerId, String evidenceId, String competencyId, Instant voidedAt,
                             String reason) {
}
