package dev.competency.learners.learner.domain;

import java.time.Instant;

/**
 * A void of evidence the learner has not received yet (the stream delivered {@code evidence.voided} before the
 * {@code evidence.recorded} it voids). The learner keeps it, and voids the evidence as soon as it arrives. Internal:
 * it is not published.
 *
 * @param voidedAt when the void was recorded at its source
 */
public record EarlyVoidKept(String learnerId, String evidenceId, Instant voidedAt, String reason) {
}
