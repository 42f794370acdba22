package dev.competency.community.discussion.domain;

import java.util.Objects;

/** The competency or assessment a discussion is about, by its id in the frameworks or assessments service. */
public record Subject(SubjectKind kind, String id) {

    public Subject {
        Objects.requireNonNull(kind, "kind is required");
        Objects.requireNonNull(id, "id is required");
    }
}
