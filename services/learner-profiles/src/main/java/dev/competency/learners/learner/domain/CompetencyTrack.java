package dev.competency.learners.learner.domain;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the learner aggregate keeps for one competency: the evidence in arrival order, the voids in arrival order,
 * the framework version whose policy applies, and the last recorded mastery. Plain fields, so that snapshots are
 * plain JSON.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class CompetencyTrack {

    String competencyId;
    String frameworkId;
    int frameworkVersion;
    List<EvidenceItem> items = new ArrayList<>();
    List<String> voidedIds = new ArrayList<>();
    Instant latestOccurredAt;

    boolean computed;
    String level;
    Double score;
    boolean mastered;
    int evidenceCount;
    int policyVersion;
    boolean expired;

    CompetencyTrack() {
        // for snapshots
    }

    CompetencyTrack(String competencyId, String frameworkId, int frameworkVersion) {
        this.competencyId = competencyId;
        this.frameworkId = frameworkId;
        this.frameworkVersion = frameworkVersion;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CompetencyTrack t && Objects.equals(competencyId, t.competencyId)
                && Objects.equals(frameworkId, t.frameworkId) && frameworkVersion == t.frameworkVersion
                && items.equals(t.items) && voidedIds.equals(t.voidedIds)
                && Objects.equals(latestOccurredAt, t.latestOccurredAt) && computed == t.computed
                && Objects.equals(level, t.level) && Objects.equals(score, t.score) && mastered == t.mastered
                && evidenceCount == t.evidenceCount && policyVersion == t.policyVersion && expired == t.expired;
    }

    @Override
    public int hashCode() {
        return Objects.hash(competencyId, frameworkId, frameworkVersion, items.size(), level, score);
    }
}
