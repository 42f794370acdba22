package dev.competency.learners.learner.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.List;
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

    private final MongoCollection<Document> usage;

    FrameworkUsage(MongoDatabase serviceDatabase) {
        this.usage = serviceDatabase.getCollection(COLLECTION);
        usage.createIndex(Indexes.ascending("frameworkId", "learnerId"));
    }

    public void record(String learnerId, String frameworkId) {
        String id = frameworkId + "|" + learnerId;
        usage.replaceOne(Filters.eq("_id", id),
                new Document("_id", id).append("frameworkId", frameworkId).append("learnerId", learnerId),
                new ReplaceOptions().upsert(true));
    }

    /** Learners with evidence on the framework, in id order. */
    public List<String> learnersOf(String frameworkId) {
        List<String> learners = new ArrayList<>();
        usage.find(Filters.eq("frameworkId", frameworkId)).forEach(d -> learners.add(d.getString("learnerId")));
        learners.sort(null);
        return learners;
    }
}
