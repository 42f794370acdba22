package dev.competency.contracts;

import java.util.List;
import java.util.Map;

/**
 * Names of the public Kafka topics. A topic name carries the contract's major version: a breaking change
 * to any payload on a topic means a new {@code .v2} topic, never an incompatible record on this one.
 */
public final class Topics {

    /** Framework versions, their retirement, role profiles and learning resources; keyed by frameworkId. */
    public static final String FRAMEWORKS = "competency.frameworks.v1";

    /** Evidence recorded and voided for learners; keyed by learnerId. */
    public static final String EVIDENCE = "competency.evidence.v1";

    /** Learner registration, roles, teams and erasure; keyed by learnerId. */
    public static final String LEARNERS = "competency.learners.v1";

    /** Mastery changes of one learner on one competency; keyed by learnerId. */
    public static final String MASTERY = "competency.mastery.v1";

    /** Group challenges started, progressed and ended; keyed by challengeId. */
    public static final String COMMUNITY = "competency.community.v1";

    /**
     * What happens to assessment attempts that is not evidence (peer ratings requested); keyed by learnerId. Apart
     * from {@link #EVIDENCE}, so that the evidence consumers receive nothing else.
     */
    public static final String ASSESSMENTS = "competency.assessments.v1";

    /** Every public topic, in the order of the data flow. Dead-letter topics are not included. */
    public static final List<String> ALL = List.of(FRAMEWORKS, EVIDENCE, LEARNERS, MASTERY, COMMUNITY, ASSESSMENTS);

    private static final String DEAD_LETTER_SUFFIX = ".dlq";

    /** How long a dead-letter topic keeps a record: time to look at a poison record and replay it. */
    public static final long DEAD_LETTER_RETENTION_MS = 30L * 24 * 60 * 60 * 1000;

    private Topics() {
    }

    /**
     * The topic a consumer of {@code topic} sends records it cannot process to, together with the error,
     * before moving on to the next record.
     */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /**
     * The partition count the services are built for. Records of one key always land on one partition, so
     * changing the count of an existing topic breaks per-key ordering and must be treated as a new topic.
     *
     * @throws IllegalArgumentException if {@code topic} is not one of {@link #ALL}
     */
    public static int partitions(String topic) {
        if (topic == null) {
            throw new IllegalArgumentException("topic must not be null");
        }
        return switch (topic) {
            case FRAMEWORKS, COMMUNITY -> 3;
            case EVIDENCE, LEARNERS, MASTERY, ASSESSMENTS -> 6;
            default -> throw new IllegalArgumentException("Unknown topic: " + topic);
        };
    }

    /**
     * The topic settings consumers rely on. A public topic keeps every record, by time and by size, and is never
     * compacted: consumers rebuild their state by reading it from the start. A dead-letter topic keeps its records
     * for {@link #DEAD_LETTER_RETENTION_MS}. Replication and {@code min.insync.replicas} belong to the cluster, not
     * to the contract.
     *
     * @throws IllegalArgumentException if {@code topic} is neither one of {@link #ALL} nor a dead-letter topic of one
     */
    public static Map<String, String> settings(String topic) {
        if (topic != null && topic.endsWith(DEAD_LETTER_SUFFIX)
                && ALL.contains(topic.substring(0, topic.length() - DEAD_LETTER_SUFFIX.length()))) {
            return Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(DEAD_LETTER_RETENTION_MS));
        }
        partitions(topic);
        return Map.of("cleanup.policy", "delete", "retention.ms", "-1", "retention.bytes", "-1");
    }
}
