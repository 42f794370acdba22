package dev.competency.contracts;

import java.util.List;

/**
 * Values of the {@code ce_type} header. Event types name the business fact, never a Java class, so that
 * classes can be renamed or moved without touching the wire format.
 */
public final class EventTypes {

    public static final String FRAMEWORK_PUBLISHED = "framework.published";
    public static final String FRAMEWORK_RETIRED = "framework.retired";
    public static final String ROLE_PROFILE_PUBLISHED = "role-profile.published";
    public static final String LEARNING_RESOURCE_PUBLISHED = "learning-resource.published";

    public static final String EVIDENCE_RECORDED = "evidence.recorded";
    public static final String EVIDENCE_VOIDED = "evidence.voided";

    public static final String LEARNER_REGISTERED = "learner.registered";
    public static final String LEARNER_ROLE_ASSIGNED = "learner.role-assigned";
    public static final String LEARNER_TEAM_CHANGED = "learner.team-changed";
    public static final String LEARNER_ERASED = "learner.erased";

    public static final String MASTERY_CHANGED = "mastery.changed";
    public static final String PARENT_MASTERY_CHANGED = "parent-mastery.changed";
    public static final String PARENT_ROLLUP_ENDED = "parent-rollup.ended";

    public static final String CHALLENGE_STARTED = "challenge.started";
    public static final String CHALLENGE_PROGRESSED = "challenge.progressed";
    public static final String CHALLENGE_ENDED = "challenge.ended";

    public static final String PEER_RATING_REQUESTED = "peer-rating.requested";

    /** Every event type, grouped by topic. */
    public static final List<String> ALL = List.of(
            FRAMEWORK_PUBLISHED, FRAMEWORK_RETIRED, ROLE_PROFILE_PUBLISHED, LEARNING_RESOURCE_PUBLISHED,
            EVIDENCE_RECORDED, EVIDENCE_VOIDED,
            LEARNER_REGISTERED, LEARNER_ROLE_ASSIGNED, LEARNER_TEAM_CHANGED, LEARNER_ERASED,
            MASTERY_CHANGED, PARENT_MASTERY_CHANGED, PARENT_ROLLUP_ENDED,
            CHALLENGE_STARTED, CHALLENGE_PROGRESSED, CHALLENGE_ENDED,
            PEER_RATING_REQUESTED);

    private EventTypes() {
    }

    /** Whether {@code type} is one of {@link #ALL}. */
    public static boolean isKnown(String type) {
        return type != null && ALL.contains(type);
    }
}
