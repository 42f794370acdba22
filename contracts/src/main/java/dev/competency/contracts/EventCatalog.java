package dev.competency.contracts;

import dev.competency.contracts.assessments.PeerRatingRequested;
import dev.competency.contracts.community.ChallengeEnded;
import dev.competency.contracts.community.ChallengeProgressed;
import dev.competency.contracts.community.ChallengeStarted;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.contracts.evidence.EvidenceVoided;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.frameworks.FrameworkRetired;
import dev.competency.contracts.frameworks.LearningResourcePublished;
import dev.competency.contracts.frameworks.RoleProfilePublished;
import dev.competency.contracts.learners.LearnerErased;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.contracts.learners.LearnerRoleAssigned;
import dev.competency.contracts.learners.LearnerTeamChanged;
import dev.competency.contracts.mastery.MasteryChanged;
import dev.competency.contracts.mastery.ParentMasteryChanged;
import dev.competency.contracts.mastery.ParentRollupEnded;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every public event type with its topic, payload record, JSON Schema and example. The schema and the example
 * ship in this jar, so producer and consumer tests of every service can validate against the same files.
 */
public final class EventCatalog {

    /**
     * One event type.
     *
     * @param type            the {@code ce_type} value
     * @param topic           the topic the event is published on
     * @param payloadType     the record the JSON value maps to
     * @param schemaResource  class-path resource name (no leading slash) of the JSON Schema, draft 2020-12
     * @param exampleResource class-path resource name (no leading slash) of an example payload
     */
    public record EventDescriptor(String type, String topic, Class<? extends IntegrationEvent> payloadType,
                                  String schemaResource, String exampleResource) {
    }

    private static final List<EventDescriptor> ALL = List.of(
            descriptor(EventTypes.FRAMEWORK_PUBLISHED, Topics.FRAMEWORKS, FrameworkPublished.class),
            descriptor(EventTypes.FRAMEWORK_RETIRED, Topics.FRAMEWORKS, FrameworkRetired.class),
            descriptor(EventTypes.ROLE_PROFILE_PUBLISHED, Topics.FRAMEWORKS, RoleProfilePublished.class),
            descriptor(EventTypes.LEARNING_RESOURCE_PUBLISHED, Topics.FRAMEWORKS, LearningResourcePublished.class),
            descriptor(EventTypes.EVIDENCE_RECORDED, Topics.EVIDENCE, EvidenceRecorded.class),
            descriptor(EventTypes.EVIDENCE_VOIDED, Topics.EVIDENCE, EvidenceVoided.class),
            descriptor(EventTypes.LEARNER_REGISTERED, Topics.LEARNERS, LearnerRegistered.class),
            descriptor(EventTypes.LEARNER_ROLE_ASSIGNED, Topics.LEARNERS, LearnerRoleAssigned.class),
            descriptor(EventTypes.LEARNER_TEAM_CHANGED, Topics.LEARNERS, LearnerTeamChanged.class),
            descriptor(EventTypes.LEARNER_ERASED, Topics.LEARNERS, LearnerErased.class),
            descriptor(EventTypes.MASTERY_CHANGED, Topics.MASTERY, MasteryChanged.class),
            descriptor(EventTypes.PARENT_MASTERY_CHANGED, Topics.MASTERY, ParentMasteryChanged.class),
            descriptor(EventTypes.PARENT_ROLLUP_ENDED, Topics.MASTERY, ParentRollupEnded.class),
            descriptor(EventTypes.CHALLENGE_STARTED, Topics.COMMUNITY, ChallengeStarted.class),
            descriptor(EventTypes.CHALLENGE_PROGRESSED, Topics.COMMUNITY, ChallengeProgressed.class),
            descriptor(EventTypes.CHALLENGE_ENDED, Topics.COMMUNITY, ChallengeEnded.class),
            descriptor(EventTypes.PEER_RATING_REQUESTED, Topics.ASSESSMENTS, PeerRatingRequested.class));

    private static final Map<String, EventDescriptor> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventDescriptor::type, Function.identity()));

    private static final Map<Class<?>, EventDescriptor> BY_PAYLOAD_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventDescriptor::payloadType, Function.identity()));

    private EventCatalog() {
    }

    /** Every event type, grouped by topic in the order of {@link Topics#ALL}. */
    public static List<EventDescriptor> all() {
        return ALL;
    }

    /**
     * @throws IllegalArgumentException if {@code type} is not a known event type
     */
    public static EventDescriptor byType(String type) {
        EventDescriptor descriptor = type == null ? null : BY_TYPE.get(type);
        if (descriptor == null) {
            throw new IllegalArgumentException("Unknown event type: " + type);
        }
        return descriptor;
    }

    /**
     * @throws IllegalArgumentException if {@code payloadType} is not the payload record of an event type
     */
    public static EventDescriptor byPayloadType(Class<?> payloadType) {
        EventDescriptor descriptor = payloadType == null ? null : BY_PAYLOAD_TYPE.get(payloadType);
        if (descriptor == null) {
            throw new IllegalArgumentException("Not a public event payload: " + payloadType);
        }
        return descriptor;
    }

    /**
     * The event types published on {@code topic}.
     *
     * @throws IllegalArgumentException if {@code topic} is not one of {@link Topics#ALL}
     */
    public static List<EventDescriptor> byTopic(String topic) {
        if (!Topics.ALL.contains(topic)) {
            throw new IllegalArgumentException("Unknown topic: " + topic);
        }
        return ALL.stream().filter(d -> d.topic().equals(topic)).toList();
    }

    private static EventDescriptor descriptor(String type, String topic,
                                              Class<? extends IntegrationEvent> payloadType) {
        return new EventDescriptor(type, topic, payloadType,
                "contracts/schemas/" + type + ".schema.json", "contracts/examples/" + type + ".json");
    }
}
