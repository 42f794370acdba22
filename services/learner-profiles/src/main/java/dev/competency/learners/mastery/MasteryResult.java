package dev.competency.learners.mastery;

import java.time.Instant;
import java.util.Objects;

/**
 * The mastery of one learner on one competency at an as-of instant, as known at a knownAt instant.
 *
 * @param competencyId    the competency
 * @param levelCode       the level reached, or {@code null} when none is (yet); an expired level is still reported,
 *                        with {@code mastered} false
 * @param score           the method's score after decay, in [0,1], or {@code null} when there is none
 * @param mastered        at or above the mastery level, not held back and not expired
 * @param evidenceCount   the number of counted items, manual ratings included
 * @param firstEvidenceAt occurredAt of the first counted item
 * @param lastEvidenceAt  occurredAt of the last counted item
 * @param expiresAt       {@code lastEvidenceAt + validity} when the policy has a validity period and something
 *                        counted; mastery is expired when the as-of instant is at or after it
 * @param method          the policy's method
 * @param policyVersion   the policy's version
 * @param explanation     why
 * @param nextChangeAt    the first instant after the as-of instant at which, without further evidence, time alone
 *                        changes the level or the mastered flag: the decayed score falls below the level's threshold
 *                        or the mastery expires; {@code null} when time changes neither
 */
public record MasteryResult(
        String competencyId,
        String levelCode,
        Double score,
        boolean mastered,
        int evidenceCount,
        Instant firstEvidenceAt,
        Instant lastEvidenceAt,
        Instant expiresAt,
        MasteryMethod method,
        int policyVersion,
        Explanation explanation,
        Instant nextChangeAt) {

    public MasteryResult {
        Objects.requireNonNull(competencyId, "competencyId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** The rule that decided, shorthand for {@code explanation().rule()}. */
    public DecidingRule rule() {
        return explanation.rule();
    }
}
