package dev.competency.learners.learner.domain;

import java.time.Instant;

/**
 * The level, score or mastered flag of the learner on a competency changed. Values are the fold's result at the
 * learner's latest evidence on the competency: without read-time decay and before any expiry, which queries apply
 * at the instant they are asked for.
 *
 * @param method               the method with its parameters, such as {@code DECAYING_AVERAGE(d=0.65)}
 * @param methodType           the method's kind, such as {@code DECAYING_AVERAGE}
 * @param validAt              occurredAt of the evidence that caused the change, if one did
 * @param triggeringEvidenceId the evidence recorded or voided that caused the change, if one did
 */
public record MasteryRecalculated(String learnerId, String competencyId, String frameworkId, int frameworkVersion,
                                  int policyVersion, String method, String methodType, String level,
                                  String previousLevel, Double score, Double previousScore, boolean mastered,
                                  boolean previouslyMastered, int evidenceCount, Instant validAt, Instant expiresAt,
                                  RecalculationCause cause, String triggeringEvidenceId) {
}
