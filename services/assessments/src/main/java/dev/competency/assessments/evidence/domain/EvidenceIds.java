package dev.competency.assessments.evidence.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Evidence ids are name-based UUIDs of the fact they describe, so that doing the same work again (a retry, a
 * crash and redo, a replay) yields the same id and never a second, different piece of evidence.
 */
public final class EvidenceIds {

    private EvidenceIds() {
    }

    /** Evidence of an assessment attempt on one competency at one grading revision. */
    public static String forAttempt(String attemptId, String competencyId, int gradingRevision) {
        return uuid("attempt:" + attemptId + ":" + competencyId + ":" + gradingRevision);
    }

    /** Evidence of an xAPI statement on one competency. */
    public static String forStatement(String statementId, String competencyId) {
        return uuid("statement:" + statementId + ":" + competencyId);
    }

    /** Evidence of a manual rating on one competency. */
    public static String forRating(String ratingId, String competencyId) {
        return uuid("rating:" + ratingId + ":" + competencyId);
    }

    /** The {@code ce_id} of the {@code evidence.recorded} event of a piece of evidence. */
    public static UUID recordedEventId(String evidenceId) {
        return UUID.nameUUIDFromBytes(("evidence.recorded:" + evidenceId).getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code ce_id} of the {@code evidence.voided} event of a piece of evidence. */
    public static UUID voidedEventId(String evidenceId) {
        return UUID.nameUUIDFromBytes(("evidence.voided:" + evidenceId).getBytes(StandardCharsets.UTF_8));
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
