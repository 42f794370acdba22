package dev.competency.assessments.alignment.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import dev.competency.assessments.alignment.domain.ActivityAlignment;
import dev.competency.platform.service.id.CompetencyId;
import dev.competency.platform.service.mongo.RecordCollections;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
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

    private final MongoCollection<StoredAlignment> alignments;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public ActivityAlignments(MongoDatabase database, Clock clock) {
        this.alignments = RecordCollections.collection(database, COLLECTION, StoredAlignment.class);
        this.clock = clock;
        alignments.createIndex(Indexes.ascending(StoredAlignment.ALIGNMENT_ID), new IndexOptions().unique(true));
    }

    /** An alignment as stored in {@code activity_alignments}, keyed by {@link ActivityAlignment#key()}. */
    public record StoredAlignment(@BsonId String key, @BsonProperty(ALIGNMENT_ID) String alignmentId,
                                  String activityId, String activityType, String extensionKey, String extensionValue,
                                  String frameworkId, int frameworkVersion, List<CompetencyId> competencyIds,
                                  String createdBy, Instant createdAt, List<String> warnings) {
        static final String ALIGNMENT_ID = "alignmentId";

        static StoredAlignment of(ActivityAlignment a) {
            return new StoredAlignment(a.key(), a.alignmentId(), a.activityId(), a.activityType(), a.extensionKey(),
                    a.extensionValue(), a.frameworkId(), a.frameworkVersion(),
                    a.competencyIds().stream().map(CompetencyId::new).toList(), a.createdBy(), a.createdAt(),
                    a.warnings());
        }

        ActivityAlignment alignment() {
            return new ActivityAlignment(alignmentId, activityId, activityType, extensionKey, extensionValue,
                    frameworkId, frameworkVersion, competencyIds.stream().map(CompetencyId::value).toList(),
                    createdBy, createdAt, warnings);
        }
    }

    private record Snapshot(Map<String, ActivityAlignment> byKey, Instant loadedAt) {
    }

    /** Stores the alignment, replacing an earlier one for the same activity (or type and extension value). */
    public void save(ActivityAlignment alignment) {
        alignments.replaceOne(Filters.eq("_id", alignment.key()), StoredAlignment.of(alignment),
                new ReplaceOptions().upsert(true));
        snapshot = null;
    }

    public boolean delete(String alignmentId) {
        boolean deleted = alignments.deleteOne(Filters.eq(StoredAlignment.ALIGNMENT_ID, alignmentId))
                .getDeletedCount() > 0;
        snapshot = null;
        return deleted;
    }

    public List<ActivityAlignment> all() {
        return alignments.find().map(StoredAlignment::alignment).into(new ArrayList<>());
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
            alignments.find().forEach(stored -> byKey.put(stored.key(), stored.alignment()));
            loaded = new Snapshot(Map.copyOf(byKey), now);
            snapshot = loaded;
        }
        return loaded.byKey();
    }
}
