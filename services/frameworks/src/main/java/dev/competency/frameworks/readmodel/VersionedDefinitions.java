package dev.competency.frameworks.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.competency.platform.service.mongo.RecordCollections;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
import tools.jackson.databind.json.JsonMapper;

/**
 * One collection of versioned definitions that belong to a framework (role profiles, learning resources): per id,
 * the draft and the latest published version, each kept as the definition's JSON.
 *
 * @param <D> the definition type
 */
public final class VersionedDefinitions<D> {

    private final MongoDatabase database;
    private final String collectionName;
    private final JsonMapper json;
    private final Class<D> type;
    private MongoCollection<Definition> definitions;

    public VersionedDefinitions(MongoDatabase database, String collectionName, JsonMapper json, Class<D> type) {
        this.database = database;
        this.collectionName = collectionName;
        this.json = json;
        this.type = type;
        collection();
    }

    /**
     * A definition as stored: the draft and the published version as their JSON, each absent when there is none.
     * Public only because the driver's record codec calls it without widening access.
     */
    public record Definition(@BsonId String id, @BsonProperty(TITLE) String title,
                             @BsonProperty(FRAMEWORK_ID) String frameworkId,
                             @BsonProperty(DRAFT_VERSION) Integer draftVersion,
                             @BsonProperty(PUBLISHED_VERSION) Integer publishedVersion,
                             @BsonProperty(DRAFT) String draft, @BsonProperty(PUBLISHED) String published) {
        static final String TITLE = "title";
        static final String FRAMEWORK_ID = "frameworkId";
        static final String DRAFT_VERSION = "draftVersion";
        static final String PUBLISHED_VERSION = "publishedVersion";
        static final String DRAFT = "draft";
        static final String PUBLISHED = "published";
    }

    private void collection() {
        definitions = RecordCollections.collection(database, collectionName, Definition.class);
        definitions.createIndex(Indexes.ascending(Definition.FRAMEWORK_ID), new IndexOptions().name("by_framework"));
    }

    /** Drops every definition, for a rebuild. */
    public void reset() {
        definitions.drop();
        collection();
    }

    /**
     * @param draftVersion version of the draft, 0 when there is none
     */
    public record Stored<D>(String id, String title, String frameworkId, int draftVersion, int publishedVersion,
                            D draft, D published) {
    }

    public void drafted(String id, String title, String frameworkId, int version, D definition) {
        definitions.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set(Definition.TITLE, title),
                Updates.set(Definition.FRAMEWORK_ID, frameworkId),
                Updates.set(Definition.DRAFT_VERSION, version),
                Updates.set(Definition.DRAFT, json.writeValueAsString(definition)),
                Updates.setOnInsert(Definition.PUBLISHED_VERSION, 0)), new UpdateOptions().upsert(true));
    }

    public void published(String id, String title, String frameworkId, int version, D definition) {
        definitions.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set(Definition.TITLE, title),
                Updates.set(Definition.FRAMEWORK_ID, frameworkId),
                Updates.set(Definition.DRAFT_VERSION, 0),
                Updates.unset(Definition.DRAFT),
                Updates.set(Definition.PUBLISHED_VERSION, version),
                Updates.set(Definition.PUBLISHED, json.writeValueAsString(definition))),
                new UpdateOptions().upsert(true));
    }

    public Optional<Stored<D>> find(String id) {
        return Optional.ofNullable(definitions.find(Filters.eq("_id", id)).first()).map(this::stored);
    }

    /** All definitions, or those of one framework, by title. */
    public List<Stored<D>> list(String frameworkId) {
        return definitions.find(frameworkId == null ? Filters.empty()
                        : Filters.eq(Definition.FRAMEWORK_ID, frameworkId)).sort(Sorts.ascending(Definition.TITLE))
                .map(this::stored).into(new ArrayList<>());
    }

    private Stored<D> stored(Definition d) {
        return new Stored<>(d.id(), d.title(), d.frameworkId(), orZero(d.draftVersion()), orZero(d.publishedVersion()),
                d.draft() == null ? null : json.readValue(d.draft(), type),
                d.published() == null ? null : json.readValue(d.published(), type));
    }

    private static int orZero(Integer version) {
        return version == null ? 0 : version;
    }
}
