package dev.competency.learners.learner.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
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

    private final MongoCollection<Document> usage;
    private final Map<String, Boolean> recorded = new LinkedHashMap<>(1 << 10, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    FrameworkUsage(MongoDatabase serviceDatabase) {
        this.usage = serviceDatabase.getCollection(COLLECTION);
        usage.createIndex(Indexes.ascending("frameworkId", "learnerId"));
    }

    /**
     * Records that each learner has evidence on the framework, given as {@code learnerId -> frameworkId} pairs. The
     * writes are idempotent upserts, all sent in one bulk write; this instance skips the {@value #REMEMBERED} pairs
     * it wrote most recently, which saves the write for nearly every evidence (a learner's evidence comes in runs on
     * the same framework).
     */
    public void record(Collection<Map.Entry<String, String>> learnerFrameworks) {
        Map<String, WriteModel<Document>> writes = new LinkedHashMap<>();
        synchronized (recorded) {
            for (Map.Entry<String, String> pair : learnerFrameworks) {
                String id = pair.getValue() + "|" + pair.getKey();
                if (recorded.get(id) == null) {
                    writes.put(id, new ReplaceOneModel<>(Filters.eq("_id", id), new Document("_id", id)
                            .append("frameworkId", pair.getValue()).append("learnerId", pair.getKey()),
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
        List<String> learners = new ArrayList<>();
        usage.find(Filters.eq("frameworkId", frameworkId)).forEach(d -> learners.add(d.getString("learnerId")));
        learners.sort(null);
        return learners;
    }
}
