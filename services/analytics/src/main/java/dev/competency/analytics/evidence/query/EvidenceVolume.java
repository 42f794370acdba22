package dev.competency.analytics.evidence.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.contracts.evidence.EvidenceVoided;
import dev.competency.contracts.evidence.SourceType;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * One fact per piece of evidence, keyed by evidence id, from which evidence volume by source is counted. Keying
 * by the fact rather than incrementing counters makes every write idempotent: redelivered or replayed events
 * change nothing.
 */
@Component
public class EvidenceVolume {

    static final String COLLECTION = "evidence_facts";

    private final MongoCollection<Document> facts;

    public EvidenceVolume(MongoDatabase serviceDatabase) {
        this.facts = serviceDatabase.getCollection(COLLECTION);
    }

    public void on(EvidenceRecorded evidence) {
        facts.updateOne(Filters.eq("_id", evidence.evidenceId()), Updates.combine(
                Updates.set("learnerId", evidence.learnerId()),
                Updates.set("competencyId", evidence.competencyId()),
                Updates.set("sourceType", evidence.sourceType().name()),
                Updates.set("occurredAt", Date.from(evidence.occurredAt())),
                Updates.set("recordedAt", Date.from(evidence.recordedAt())),
                Updates.setOnInsert("voided", false)), new UpdateOptions().upsert(true));
    }

    public void on(EvidenceVoided voided) {
        facts.updateOne(Filters.eq("_id", voided.evidenceId()), Updates.combine(
                Updates.set("voided", true),
                Updates.set("learnerId", voided.learnerId()),
                Updates.set("competencyId", voided.competencyId())), new UpdateOptions().upsert(true));
    }

    /** How many pieces of evidence, not voided, came from each kind of source. */
    public Map<SourceType, Long> bySource() {
        Map<SourceType, Long> counts = new EnumMap<>(SourceType.class);
        for (Document fact : facts.find(Filters.and(Filters.eq("voided", false), Filters.exists("sourceType")))) {
            counts.merge(SourceType.valueOf(fact.getString("sourceType")), 1L, Long::sum);
        }
        return counts;
    }

    /** Removes the learner id from every fact of an erased learner; the counts stay. */
    public void forget(String learnerId) {
        facts.updateMany(Filters.eq("learnerId", learnerId), Updates.unset("learnerId"));
    }
}
