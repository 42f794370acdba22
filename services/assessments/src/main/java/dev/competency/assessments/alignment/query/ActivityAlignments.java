package dev.competency.assessments.alignment.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import dev.competency.assessments.alignment.domain.ActivityAlignment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

/**
 * Alignments of xAPI activities to competencies, keyed by what a statement is matched on. Matching runs for every
 * incoming statement, so it works on an in-memory copy of the (small) collection that is reloaded after a local
 * change and at least every {@link #REFRESH}; a change made through another instance takes effect here within
 * that time.
 */
public class ActivityAlignments {

    static final String COLLECTION = "activity_alignments";
    static final Duration REFRESH = Duration.ofSeconds(5);

    private final MongoCollection<Document> alignments;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public ActivityAlignments(MongoDatabase database, Clock clock) {
        this.alignments = database.getCollection(COLLECTION);
        this.clock = clock;
        alignments.createIndex(Indexes.ascending("alignmentId"), new IndexOptions().unique(true));
    }

    private record Snapshot(Map<String, ActivityAlignment> byKey, Instant loadedAt) {
    }

    /** Stores the alignment, replacing an earlier one for the same activity (or type and extension value). */
    public void save(ActivityAlignment alignment) {
        Document document = new Document("_id", alignment.key())
                .append("alignmentId", alignment.alignmentId())
                .append("activityId", alignment.activityId())
                .append("activityType", alignment.activityType())
                .append("extensionKey", alignment.extensionKey())
                .append("extensionValue", alignment.extensionValue())
                .append("frameworkId", alignment.frameworkId())
                .append("frameworkVersion", alignment.frameworkVersion())
                .append("competencyIds", alignment.competencyIds())
                .append("createdBy", alignment.createdBy())
                .append("createdAt", Date.from(alignment.createdAt()))
                .append("warnings", alignment.warnings());
        alignments.replaceOne(Filters.eq("_id", alignment.key()), document, new ReplaceOptions().upsert(true));
        snapshot = null;
    }

    public boolean delete(String alignmentId) {
        boolean deleted = alignments.deleteOne(Filters.eq("alignmentId", alignmentId)).getDeletedCount() > 0;
        snapshot = null;
        return deleted;
    }

    public List<ActivityAlignment> all() {
        List<ActivityAlignment> result = new ArrayList<>();
        alignments.find().forEach(document -> result.add(toAlignment(document)));
        return result;
    }

    /**
     * The alignments that match a statement's object: by its IRI, and by its definition's type together with the
     * value of each of its extensions.
     */
    public List<ActivityAlignment> matching(JsonNode activity) {
        Map<String, ActivityAlignment> found = new LinkedHashMap<>();
        find(ActivityAlignment.activityKey(activity.path("id").asString()), found);
        JsonNode definition = activity.path("definition");
        if (definition.has("type") && definition.path("extensions").isObject()) {
            String type = definition.path("type").asString();
            for (Map.Entry<String, JsonNode> extension : definition.path("extensions").properties()) {
                JsonNode value = extension.getValue();
                if (value.isString() || value.isNumber() || value.isBoolean()) {
                    find(ActivityAlignment.typeKey(type, extension.getKey(), value.asString()), found);
                }
            }
        }
        return List.copyOf(found.values());
    }

    private void find(String key, Map<String, ActivityAlignment> into) {
        ActivityAlignment alignment = current().get(key);
        if (alignment != null) {
            into.put(key, alignment);
        }
    }

    private Map<String, ActivityAlignment> current() {
        Snapshot loaded = snapshot;
        Instant now = clock.instant();
        if (loaded == null || loaded.loadedAt().plus(REFRESH).isBefore(now)) {
            Map<String, ActivityAlignment> byKey = new HashMap<>();
            alignments.find().forEach(document -> byKey.put(document.getString("_id"), toAlignment(document)));
            loaded = new Snapshot(Map.copyOf(byKey), now);
            snapshot = loaded;
        }
        return loaded.byKey();
    }

    private static ActivityAlignment toAlignment(Document document) {
        return new ActivityAlignment(document.getString("alignmentId"), document.getString("activityId"),
                document.getString("activityType"), document.getString("extensionKey"),
                document.getString("extensionValue"), document.getString("frameworkId"),
                document.getInteger("frameworkVersion"), document.getList("competencyIds", String.class),
                document.getString("createdBy"), document.getDate("createdAt").toInstant(),
                document.getList("warnings", String.class));
    }
}
