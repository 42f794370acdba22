package dev.competency.faults.check;

import dev.competency.contracts.EventTypes;
import dev.competency.contracts.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mastery policy and scale of each competency of each framework version, from the {@code framework.published}
 * snapshots on {@code competency.frameworks.v1}: the competency's own override where it has one, else the framework's.
 */
public final class FrameworkPolicies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The policy and scale a competency's evidence is folded under, in the shape of {@code framework.published}. */
    public record Policy(JsonNode policy, JsonNode scale) {
    }

    private final Map<String, JsonNode> snapshots;

    private FrameworkPolicies(Map<String, JsonNode> snapshots) {
        this.snapshots = snapshots;
    }

    public static FrameworkPolicies read(String bootstrapServers) {
        Map<String, JsonNode> snapshots = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : TopicReader.readAll(bootstrapServers, Topics.FRAMEWORKS)) {
            if (!EventTypes.FRAMEWORK_PUBLISHED.equals(TopicReader.header(record, "ce_type")) || record.value() == null) {
                continue;
            }
            try {
                JsonNode snapshot = JSON.readTree(record.value());
                if (snapshot.path("frameworkId").isString() && snapshot.path("masteryPolicy").isObject()) {
                    snapshots.put(key(snapshot.path("frameworkId").asString(), snapshot.path("version").asInt()),
                            snapshot);
                }
            } catch (JacksonException e) {
                // poison written by the suite: not a snapshot
            }
        }
        return new FrameworkPolicies(snapshots);
    }

    /** The competency's policy and scale in the framework version; empty when that version was never published. */
    public Optional<Policy> of(String frameworkId, int version, String competencyId) {
        JsonNode snapshot = snapshots.get(key(frameworkId, version));
        if (snapshot == null) {
            return Optional.empty();
        }
        JsonNode policy = snapshot.path("masteryPolicy");
        JsonNode scale = snapshot.path("scale");
        for (JsonNode competency : snapshot.path("competencies")) {
            if (competencyId.equals(competency.path("id").asString())) {
                if (competency.path("policyOverride").isObject()) {
                    policy = competency.path("policyOverride");
                }
                if (competency.path("scaleOverride").isObject()) {
                    scale = competency.path("scaleOverride");
                }
            }
        }
        return Optional.of(new Policy(policy, scale));
    }

    private static String key(String frameworkId, int version) {
        return frameworkId + "@" + version;
    }
}
