package dev.competency.learners.learner.domain;

import java.time.Instant;

/**
 * The level, score or mastered flag of the learner on a competency changed. Values are the fold's result at the
 * learner's latest evidence on the competency, or at the learner's last time-driven check ({@link MasteryTimeChecked})
 * if that is later: decay and expiry up to then are included.
 *
 * @param method               the method with its parameters, such as {@code DECAYING_AVERAGE(d=0.65)}
 * @param methodType           the method's kind, such as {@code DECAYING_AVERAGE}
 * @param validAt              occurredAt of the evidence that caused the change, if one did; for a change by decay
 *                             or expiry the instant time crossed the threshold
 * @param triggeringEvidenceId the evidence recorded or voided that caused the change, if one did
 * @param expired              whether the mastery had expired (a level that was mastered, no longer is); a child in
 *                             that state earns no roll-up points; false in events stored before it was recorded
 */
public record MasteryRecalculated(String learnerId, String competencyId, String frameworkId, int frameworkVersion,
                                  int policyVersion, String method, String methodType, String level,
                                  String previousLevel, Double score, Double previousScore, boolean mastered,
                                  boolean previouslyMastered, int evidenceCount, Instant validAt, Instant expiresAt,
                                  RecalculationCause cause, String triggeringEvidenceId, boolean expired) {
}
