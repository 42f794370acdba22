package dev.competency.learners.learner.web;

import dev.competency.learners.mastery.Explanation;
import dev.competency.learners.mastery.MasteryResult;
import dev.competency.learners.mastery.RollupResult;
import java.time.Instant;
import java.util.List;

/**
 * A mastery result as the API shows it.
 *
 * @param pending             true while the framework version the evidence was aligned to has not arrived; then
 *                            only the ids are set
 * @param evidenceAfterAsOf   evidence left out of the fold and its explanation because it occurred after the as-of
 *                            instant
 * @param evidenceNotYetKnown evidence left out because it was recorded after the known-at instant
 * @param explanation         why, with at most {@value ExplanationView#MAX_ITEMS} items of each kind
 */
public record MasteryView(String competencyId, String frameworkId, Integer frameworkVersion, boolean pending,
                          String level, Double score, boolean mastered, int evidenceCount, int evidenceAfterAsOf,
                          int evidenceNotYetKnown, Instant firstEvidenceAt,
                          Instant lastEvidenceAt, Instant expiresAt, String method, Integer policyVersion,
                          ExplanationView explanation, RollupView rollup) {

    /** A folded result, with the competency's evidence the as-of and known-at instants left out. */
    public static MasteryView of(String frameworkId, Integer frameworkVersion, MasteryResult r, int afterAsOf,
            int notYetKnown) {
        return new MasteryView(r.competencyId(), frameworkId, frameworkVersion, false, r.levelCode(), r.score(),
                r.mastered(), r.evidenceCount(), afterAsOf, notYetKnown, r.firstEvidenceAt(), r.lastEvidenceAt(),
                r.expiresAt(), r.method().toString(), r.policyVersion(), ExplanationView.of(r.explanation()), null);
    }

    /**
     * A parent whose mastery is rolled up from its children; {@code explanation} lists the parent's own evidence, if
     * any, among its exclusions.
     */
    public static MasteryView rolledUp(String frameworkId, Integer frameworkVersion, RollupResult r,
            Explanation explanation, int afterAsOf, int notYetKnown) {
        RollupView rollup = new RollupView(r.policy().ruleName(), r.points(), r.policy().pointsTargetOrNull(),
                r.children(), r.summary());
        return new MasteryView(r.competencyId(), frameworkId, frameworkVersion, false, r.levelCode(), null,
                r.mastered(), 0, afterAsOf, notYetKnown, null, null, null, r.policy().methodLabel(), null,
                ExplanationView.of(explanation), rollup);
    }

    /**
     * How a parent's mastery follows from its children.
     *
     * @param rule        {@code ALL_CHILDREN} or {@code POINTS}
     * @param pointsTarget the points a POINTS parent needs (null for ALL_CHILDREN)
     */
    public record RollupView(String rule, int points, Double pointsTarget, List<RollupResult.Child> children,
                             String summary) {
    }

    public static MasteryView pending(String competencyId, String frameworkId, int frameworkVersion) {
        return new MasteryView(competencyId, frameworkId, frameworkVersion, true, null, null, false, 0, 0, 0, null,
                null, null, null, null, null, null);
    }
}
