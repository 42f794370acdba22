package dev.competency.learners.learner.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import dev.competency.platform.service.id.LearnerId;
import dev.competency.platform.service.mongo.RecordCollections;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
import org.springframework.stereotype.Component;

/**
 * Which learners hold evidence aligned to which framework: the set of learners a new framework version may affect.
 * Written by the evidence intake before the learner's command, so a framework version that arrives at any moment
 * afterwards finds the learner (a version that arrives before the command is already in the catalogue when the
 * command needs it).
 */
@Component
public class FrameworkUsage {

    static final String COLLECTION = "framework_usage";

    private static final int REMEMBERED = 100_000;

    private final MongoCollection<Usage> usage;
    private final Map<String, Boolean> recorded = new LinkedHashMap<>(1 << 10, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    FrameworkUsage(MongoDatabase serviceDatabase) {
        this.usage = RecordCollections.collection(serviceDatabase, COLLECTION, Usage.class);
        usage.createIndex(Indexes.ascending(Usage.FRAMEWORK_ID, Usage.LEARNER_ID));
    }

    /** A learner's use of a framework as stored, keyed by both; public only for the driver's record codec. */
    public record Usage(@BsonId String id, @BsonProperty(FRAMEWORK_ID) String frameworkId,
                        @BsonProperty(LEARNER_ID) LearnerId learnerId) {
        static final String FRAMEWORK_ID = "frameworkId";
        static final String LEARNER_ID = "learnerId";
    }

    /**
     * Records that each learner has evidence on the framework, given as {@code learnerId -> frameworkId} pairs. The
     * writes are idempotent upserts, all sent in one bulk write; this instance skips the {@value #REMEMBERED} pairs
     * it wrote most recently, which saves the write for nearly every evidence (a learner's evidence comes in runs on
     * the same framework).
     */
    public void record(Collection<Map.Entry<String, String>> learnerFrameworks) {
        Map<String, WriteModel<Usage>> writes = new LinkedHashMap<>();
        synchronized (recorded) {
            for (Map.Entry<String, String> pair : learnerFrameworks) {
                Usage used = new Usage(pair.getValue() + "|" + pair.getKey(), pair.getValue(),
                        new LearnerId(pair.getKey()));
                if (recorded.get(used.id()) == null) {
                    writes.put(used.id(), new ReplaceOneModel<>(Filters.eq("_id", used.id()), used,
                            new ReplaceOptions().upsert(true)));
                }
            }
        }
        if (writes.isEmpty()) {
            return;
        }
        usage.bulkWrite(new ArrayList<>(writes.values()), new BulkWriteOptions().ordered(false));
        synchronized (recorded) {
            writes.keySet().forEach(id -> recorded.put(id, Boolean.TRUE));
        }
    }

    /** Learners with evidence on the framework, in id order. */
    public List<String> learnersOf(String frameworkId) {
        List<String> learners = usage.find(Filters.eq(Usage.FRAMEWORK_ID, frameworkId)).map(u -> u.learnerId().value())
                .into(new ArrayList<>());
        learners.sort(null);
        return learners;
    }
}
