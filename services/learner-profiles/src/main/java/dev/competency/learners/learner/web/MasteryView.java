package dev.competency.learners.learner.web;

import dev.competency.learners.mastery.Explanation;
import dev.competency.learners.mastery.MasteryResult;
import java.time.Instant;

/**
 * A mastery result as the API shows it.
 *
 * @param pending true while the framework version the evidence was aligned to has not arrived; then only the ids
 *                are set
 */
public record MasteryView(String competencyId, String frameworkId, Integer frameworkVersion, boolean pending,
                          String level, Double score, boolean mastered, int evidenceCount, Instant firstEvidenceAt,
                          Instant lastEvidenceAt, Instant expiresAt, String method, Integer policyVersion,
                          Explanation explanation) {

    public static MasteryView of(String frameworkId, Integer frameworkVersion, MasteryResult r) {
        return new MasteryView(r.competencyId(), frameworkId, frameworkVersion, false, r.levelCode(), r.score(),
                r.mastered(), r.evidenceCount(), r.firstEvidenceAt(), r.lastEvidenceAt(), r.expiresAt(),
                r.method().toString(), r.policyVersion(), r.explanation());
    }

    public static MasteryView pending(String competencyId, String frameworkId, int frameworkVersion) {
        return new MasteryView(competencyId, frameworkId, frameworkVersion, true, null, null, false, 0, null, null,
                null, null, null, null);
    }
}
