package dev.competency.community.discussion.domain;

/** What a discussion is about. */
public enum SubjectKind {
    COMPETENCY,
    ASSESSMENT
}
