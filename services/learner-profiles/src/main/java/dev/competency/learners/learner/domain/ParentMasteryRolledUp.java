package dev.competency.learners.learner.domain;

import java.time.Instant;
import java.util.List;

/**
 * The mastery of a parent competency, rolled up from its children under its framework version's rule, changed:
 * its level, mastered flag or points. Rolled up from the children's recorded mastery, as {@link MasteryRecalculated}
 * records it (at the latest evidence, before read-time decay and expiry).
 *
 * @param rule                   {@code ALL_CHILDREN} or {@code POINTS}
 * @param previousPoints         null on the first roll-up
 * @param pointsTarget           the target of a {@code POINTS} rule, else null
 * @param triggeringCompetencyId the child whose change caused this one; null when the framework version did
 */
public record ParentMasteryRolledUp(String learnerId, String competencyId, String frameworkId, int frameworkVersion,
                                    String rule, String level, String previousLevel, boolean mastered,
                                    boolean previouslyMastered, int points, Integer previousPoints,
                                    Double pointsTarget, List<Child> children, Instant validAt,
                                    RecalculationCause cause, String triggeringCompetencyId,
                                    String triggeringEvidenceId) {

    /** One child as the roll-up saw it. */
    public record Child(String competencyId, String level, boolean mastered, int points, boolean required) {
    }
}
