package dev.competency.learners.learner;

import static dev.competency.platform.test.KafkaTestClient.contractRecord;
import static dev.competency.platform.test.KafkaTestClient.example;

import dev.competency.contracts.EventTypes;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.contracts.evidence.EvidenceVoided;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.learners.catalogue.query.FrameworkCatalogue;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.RunningService;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The contracts' published examples, varied per test so that tests sharing a service do not meet. */
public final class Examples {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * For the tests of evidence-driven changes: the instance schedules the learners' time-driven checks but does not
     * run them. The example policy decays (half-life P365D) and their evidence is from 2025, so its checks are due at
     * once; {@code TimeDrivenMasteryIT} is where they run.
     */
    public static final String EVIDENCE_DRIVEN_ONLY = "learner-profiles.deadlines.run-checks=false";

    private Examples() {
    }

    public static FrameworkPublished framework() {
        return JSON.readValue(example(EventTypes.FRAMEWORK_PUBLISHED), FrameworkPublished.class);
    }

    /** The example evidence for another learner and evidence id, with this score and instants. */
    public static EvidenceRecorded evidence(String learnerId, double score, Instant occurredAt, Instant recordedAt) {
        return evidence(framework().frameworkId(), learnerId, score, occurredAt, recordedAt);
    }

    /** The same, aligned to another framework (of the same shape, version 3). */
    public static EvidenceRecorded evidence(String frameworkId, String learnerId, double score, Instant occurredAt,
            Instant recordedAt) {
        ObjectNode node = (ObjectNode) JSON.readTree(example(EventTypes.EVIDENCE_RECORDED));
        node.put("frameworkId", frameworkId);
        node.put("evidenceId", UUID.randomUUID().toString());
        node.put("learnerId", learnerId);
        node.put("score", score);
        node.put("occurredAt", occurredAt.toString());
        node.put("recordedAt", recordedAt.toString());
        return JSON.treeToValue(node, EvidenceRecorded.class);
    }

    public static EvidenceVoided voiding(EvidenceRecorded evidence, Instant voidedAt) {
        ObjectNode node = (ObjectNode) JSON.readTree(example(EventTypes.EVIDENCE_VOIDED));
        node.put("evidenceId", evidence.evidenceId());
        node.put("learnerId", evidence.learnerId());
        node.put("competencyId", evidence.competencyId());
        node.put("voidedAt", voidedAt.toString());
        return JSON.treeToValue(node, EvidenceVoided.class);
    }

    public static void send(KafkaTestClient kafka, String type, String key, Object payload) {
        kafka.send(contractRecord(type, key, JSON.writeValueAsBytes(payload)));
    }

    /** Publishes the example framework version and waits until the service stored it. */
    public static FrameworkPublished publishFramework(KafkaTestClient kafka, RunningService service,
            FrameworkPublished framework) {
        send(kafka, EventTypes.FRAMEWORK_PUBLISHED, framework.frameworkId(), framework);
        FrameworkCatalogue catalogue = service.bean(FrameworkCatalogue.class);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> catalogue.find(framework.frameworkId(), framework.version()).isPresent());
        return framework;
    }

    /** A copy of a framework version with another version number and the default policy replaced. */
    public static FrameworkPublished withId(FrameworkPublished framework, String frameworkId) {
        ObjectNode node = (ObjectNode) JSON.valueToTree(framework);
        node.put("frameworkId", frameworkId);
        return JSON.treeToValue(node, FrameworkPublished.class);
    }

    /** The framework as the given version, in which the first competency is no longer rolled up from its children. */
    public static FrameworkPublished withoutRollUp(FrameworkPublished framework, int version) {
        ObjectNode node = (ObjectNode) JSON.valueToTree(framework);
        node.put("version", version);
        ObjectNode policy = (ObjectNode) node.path("competencies").get(0).path("policyOverride");
        policy.set("rollUp", JSON.readTree("{\"type\": \"NONE\"}"));
        return JSON.treeToValue(node, FrameworkPublished.class);
    }

    public static FrameworkPublished withPolicy(FrameworkPublished framework, int version, String policyJson) {
        ObjectNode node = (ObjectNode) JSON.valueToTree(framework);
        node.put("version", version);
        node.set("masteryPolicy", JSON.readTree(policyJson));
        return JSON.treeToValue(node, FrameworkPublished.class);
    }
}
