package dev.competency.faults.check;

import dev.competency.contracts.EventTypes;
import dev.competency.contracts.Topics;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evidence stream as a consumer outside the platform sees it: every piece of evidence recorded on
 * {@code competency.evidence.v1} (by evidence id, however often it was published) and every void. Records that break
 * the contract (the poison a run injects) are counted and left out.
 *
 * @param recorded       recorded evidence by evidence id
 * @param voided         ids of voided evidence
 * @param records        records read
 * @param republished    {@code evidence.recorded} records whose evidence id had been recorded already
 * @param unreadable     records that are not contract events
 */
public record EvidenceLedger(Map<String, Recorded> recorded, Set<String> voided, int records, int republished,
                             int unreadable) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One piece of evidence as the topic first carried it: who, on what, from where, and what the mastery fold needs
     * of it (score, when it occurred and was recorded, the framework version, the actor and a manual rating's level).
     */
    public record Recorded(String evidenceId, String learnerId, String competencyId, String sourceType,
                           String frameworkId, int frameworkVersion, double score, String occurredAt,
                           String recordedAt, String actorId, String ratedLevel) {
    }

    public static EvidenceLedger read(String bootstrapServers) {
        List<ConsumerRecord<String, byte[]>> all = TopicReader.readAll(bootstrapServers, Topics.EVIDENCE);
        Map<String, Recorded> recorded = new HashMap<>();
        Set<String> voided = new HashSet<>();
        int republished = 0;
        int unreadable = 0;
        for (ConsumerRecord<String, byte[]> record : all) {
            String type = TopicReader.header(record, "ce_type");
            JsonNode payload;
            try {
                payload = record.value() == null ? null : JSON.readTree(record.value());
            } catch (JacksonException e) {
                payload = null;
            }
            if (payload == null || !payload.path("evidenceId").isString()) {
                unreadable++;
            } else if (EventTypes.EVIDENCE_RECORDED.equals(type) && payload.path("sourceType").isString()) {
                Recorded evidence = new Recorded(payload.path("evidenceId").asString(),
                        payload.path("learnerId").asString(), payload.path("competencyId").asString(),
                        payload.path("sourceType").asString(), payload.path("frameworkId").asString(),
                        payload.path("frameworkVersion").asInt(), payload.path("score").asDouble(),
                        payload.path("occurredAt").asString(), payload.path("recordedAt").asString(),
                        payload.path("actor").path("id").isString() ? payload.path("actor").path("id").asString() : null,
                        payload.path("ratedLevel").isString() ? payload.path("ratedLevel").asString() : null);
                if (recorded.putIfAbsent(evidence.evidenceId(), evidence) != null) {
                    republished++;
                }
            } else if (EventTypes.EVIDENCE_VOIDED.equals(type)) {
                voided.add(payload.path("evidenceId").asString());
            } else {
                unreadable++;
            }
        }
        return new EvidenceLedger(Map.copyOf(recorded), Set.copyOf(voided), all.size(), republished, unreadable);
    }

    /** Whether the evidence was recorded and not voided. */
    public boolean live(String evidenceId) {
        return recorded.containsKey(evidenceId) && !voided.contains(evidenceId);
    }

    /** Evidence recorded and not voided, counted by source type. */
    public Map<String, Long> liveBySource() {
        Map<String, Long> counts = new TreeMap<>();
        recorded.values().stream().filter(evidence -> live(evidence.evidenceId()))
                .forEach(evidence -> counts.merge(evidence.sourceType(), 1L, Long::sum));
        return counts;
    }

    /** Learners with recorded evidence. */
    public Set<String> learners() {
        Set<String> learners = new HashSet<>();
        recorded.values().forEach(evidence -> learners.add(evidence.learnerId()));
        return learners;
    }
}
