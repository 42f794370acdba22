package dev.competency.learners.learner.domain;

import java.time.Instant;

/** Evidence became part of the learner's record. */
public record EvidenceAccepted(String learnerId, EvidenceItem evidence, Instant acceptedAt) {
}
