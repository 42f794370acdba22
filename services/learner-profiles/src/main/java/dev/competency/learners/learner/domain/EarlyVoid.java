package dev.competency.learners.learner.domain;

import java.time.Instant;

/** A void the learner keeps for evidence it has not received yet (see {@link EarlyVoidKept}). */
record EarlyVoid(Instant voidedAt, String reason) {
}
