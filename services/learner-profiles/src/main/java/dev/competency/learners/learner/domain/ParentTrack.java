package dev.competency.learners.learner.domain;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.Objects;

/** The last recorded roll-up of one parent competency. Plain fields, so that snapshots are plain JSON. */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class ParentTrack {

    String frameworkId;
    int frameworkVersion;
    String level;
    boolean mastered;
    int points;

    ParentTrack() {
        // for snapshots
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParentTrack t && Objects.equals(frameworkId, t.frameworkId)
                && frameworkVersion == t.frameworkVersion && Objects.equals(level, t.level) && mastered == t.mastered
                && points == t.points;
    }

    @Override
    public int hashCode() {
        return Objects.hash(frameworkId, frameworkVersion, level, mastered, points);
    }
}
