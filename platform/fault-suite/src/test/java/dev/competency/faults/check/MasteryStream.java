package dev.competency.faults.check;

import dev.competency.contracts.EventTypes;
import dev.competency.contracts.Topics;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code mastery.changed} records of {@code competency.mastery.v1} as a consumer outside the platform sees them:
 * the last change of each learner on each competency in partition order (one learner's changes share a partition),
 * the ids of the changes that move a level or the mastered flag (those community notifies, by {@code ce_id}), and
 * every evidence id a change names as its trigger. Records that are not {@code mastery.changed} contract events
 * (the poison a run writes, the roll-ups of parents) are left out.
 *
 * @param last          the last change by learner, then competency
 * @param levelChanges  by learner, the {@code ce_id}s of the changes whose level or mastered flag differ from before
 * @param triggers      by {@code ce_id}, the evidence id the change names as its cause
 */
public record MasteryStream(Map<String, Map<String, Change>> last, Map<String, Set<String>> levelChanges,
                            Map<String, String> triggers) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One change as published: the new level (null: none), score, mastered flag and the evidence it counted. */
    public record Change(String eventId, String level, Double score, boolean mastered, int evidenceCount,
                         String cause) {
    }

    public static MasteryStream read(String bootstrapServers) {
        List<ConsumerRecord<String, byte[]>> all = TopicReader.readAll(bootstrapServers, Topics.MASTERY);
        Map<String, Map<String, Change>> last = new HashMap<>();
        Map<String, Set<String>> levelChanges = new HashMap<>();
        Map<String, String> triggers = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : all) {
            if (!EventTypes.MASTERY_CHANGED.equals(TopicReader.header(record, "ce_type"))) {
                continue;
            }
            JsonNode payload;
            try {
                payload = record.value() == null ? null : JSON.readTree(record.value());
            } catch (JacksonException e) {
                payload = null;
            }
            String eventId = TopicReader.header(record, "ce_id");
            if (payload == null || eventId == null || !payload.path("learnerId").isString()
                    || !payload.path("competencyId").isString() || !payload.path("evidenceCount").isNumber()) {
                continue;
            }
            String learner = payload.path("learnerId").asString();
            String level = text(payload, "level");
            boolean mastered = payload.path("mastered").asBoolean();
            last.computeIfAbsent(learner, id -> new HashMap<>()).put(payload.path("competencyId").asString(),
                    new Change(eventId, level, payload.path("score").isNumber() ? payload.path("score").asDouble()
                            : null, mastered, payload.path("evidenceCount").asInt(), text(payload, "cause")));
            if (!Objects.equals(level, text(payload, "previousLevel"))
                    || mastered != payload.path("previouslyMastered").asBoolean()) {
                levelChanges.computeIfAbsent(learner, id -> new HashSet<>()).add(eventId);
            }
            String trigger = text(payload, "triggeringEvidenceId");
            if (trigger != null) {
                triggers.put(eventId, trigger);
            }
        }
        return new MasteryStream(last, levelChanges, triggers);
    }

    private static String text(JsonNode payload, String field) {
        return payload.path(field).isString() ? payload.path(field).asString() : null;
    }
}
