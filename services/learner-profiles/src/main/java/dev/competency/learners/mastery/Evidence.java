package dev.competency.learners.mastery;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One piece of evidence for one learner and one competency, as the fold sees it.
 *
 * @param evidenceId   unique id; copies with the same id count once
 * @param competencyId the competency the evidence is about
 * @param score        normalised score in [0,1]
 * @param sourceType   where it comes from
 * @param actorId      who produced it (assessor, peer, the learner, a system)
 * @param occurredAt   when the learner did it (valid time)
 * @param recordedAt   when the platform learned of it (record time)
 * @param ratedLevel   level code set by a manual rating, or {@code null}; only allowed with
 *                     {@link SourceType#MANUAL_RATING}
 * @param voided       whether the item was voided
 */
public record Evidence(
        String evidenceId,
        String competencyId,
        double score,
        SourceType sourceType,
        String actorId,
        Instant occurredAt,
        Instant recordedAt,
        String ratedLevel,
        boolean voided) {

    /** Fold order: occurredAt, then recordedAt, then evidenceId. */
    public static final Comparator<Evidence> FOLD_ORDER = Evidence::compareInFoldOrder;

    /**
     * Among copies sharing an evidence id, the one that sorts first wins: the first recorded, then a total order
     * over the remaining fields so that the choice never depends on arrival order.
     */
    static final Comparator<Evidence> COPY_ORDER = Comparator.comparing(Evidence::recordedAt)
            .thenComparing(Evidence::occurredAt).thenComparingDouble(Evidence::score)
            .thenComparing(Evidence::sourceType).thenComparing(Evidence::actorId)
            .thenComparing(Evidence::ratedLevel, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Evidence::voided);

    public Evidence {
        requireText(evidenceId, "evidenceId");
        requireText(competencyId, "competencyId");
        requireText(actorId, "actorId");
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be in [0,1] but was " + score + " for evidence " + evidenceId);
        }
        if (ratedLevel != null) {
            requireText(ratedLevel, "ratedLevel");
            if (sourceType != SourceType.MANUAL_RATING) {
                throw new IllegalArgumentException(
                        "ratedLevel is only allowed with MANUAL_RATING but evidence " + evidenceId + " is " + sourceType);
            }
        }
    }

    /** Evidence without a rated level that is not voided. */
    public Evidence(String evidenceId, String competencyId, double score, SourceType sourceType, String actorId,
            Instant occurredAt, Instant recordedAt) {
        this(evidenceId, competencyId, score, sourceType, actorId, occurredAt, recordedAt, null, false);
    }

    private static int compareInFoldOrder(Evidence a, Evidence b) {
        int c = a.occurredAt.compareTo(b.occurredAt);
        if (c != 0) {
            return c;
        }
        c = a.recordedAt.compareTo(b.recordedAt);
        return c != 0 ? c : a.evidenceId.compareTo(b.evidenceId);
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
