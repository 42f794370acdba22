package dev.competency.assessments.rating.domain;

import dev.competency.assessments.evidence.domain.EvidenceChange;
import dev.competency.assessments.evidence.domain.EvidenceItem;
import java.util.List;

/** A manual rating was given; it is evidence of source MANUAL_RATING carrying the rated level. */
public record CompetencyRated(String ratingId, EvidenceItem evidence) implements EvidenceChange {

    @Override
    public List<EvidenceItem> recordedEvidence() {
        return List.of(evidence);
    }
}
