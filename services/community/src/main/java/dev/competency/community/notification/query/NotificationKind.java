package dev.competency.community.notification.query;

/** What a notification tells its person; each kind can be muted. */
public enum NotificationKind {
    /** My level, score or mastered flag on a competency changed ({@code mastery.changed}). */
    LEVEL_CHANGED,
    /** Someone replied to a discussion I started. */
    REPLY,
    /** Someone mentioned me in a new discussion or a reply. */
    MENTION,
    /** A challenge I am in progressed. */
    CHALLENGE_PROGRESSED,
    /** A challenge I am in ended, met or missed. */
    CHALLENGE_ENDED,
    /** Evidence from one of my graded attempts arrived ({@code evidence.recorded} of an assessment attempt). */
    ATTEMPT_GRADED,
    /** A mastery of mine lapses within the warning window unless renewed ({@code expiresAt} of {@code mastery.changed}). */
    MASTERY_EXPIRING,
    /** A peer asked me to rate their peer-feedback attempt ({@code peer-rating.requested} naming me). */
    PEER_RATING_REQUESTED
}
