package dev.competency.frameworks.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
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
    private MongoCollection<Document> definitions;

    public VersionedDefinitions(MongoDatabase database, String collectionName, JsonMapper json, Class<D> type) {
        this.database = database;
        this.collectionName = collectionName;
        this.json = json;
        this.type = type;
        collection();
    }

    private void collection() {
        definitions = database.getCollection(collectionName);
        definitions.createIndex(Indexes.ascending("frameworkId"), new IndexOptions().name("by_framework"));
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
                Updates.set("title", title),
                Updates.set("frameworkId", frameworkId),
                Updates.set("draftVersion", version),
                Updates.set("draft", json.writeValueAsString(definition)),
                Updates.setOnInsert("publishedVersion", 0)), new UpdateOptions().upsert(true));
    }

    public void published(String id, String title, String frameworkId, int version, D definition) {
        definitions.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("title", title),
                Updates.set("frameworkId", frameworkId),
                Updates.set("draftVersion", 0),
                Updates.unset("draft"),
                Updates.set("publishedVersion", version),
                Updates.set("published", json.writeValueAsString(definition))),
                new UpdateOptions().upsert(true));
    }

    public Optional<Stored<D>> find(String id) {
        return Optional.ofNullable(definitions.find(Filters.eq("_id", id)).first()).map(this::stored);
    }

    /** All definitions, or those of one framework, by title. */
    public List<Stored<D>> list(String frameworkId) {
        List<Stored<D>> found = new ArrayList<>();
        definitions.find(frameworkId == null ? new Document() : Filters.eq("frameworkId", frameworkId))
                .sort(Sorts.ascending("title")).forEach(d -> found.add(stored(d)));
        return found;
    }

    private Stored<D> stored(Document d) {
        String draft = d.getString("draft");
        String published = d.getString("published");
        return new Stored<>(d.getString("_id"), d.getString("title"), d.getString("frameworkId"),
                d.getInteger("draftVersion", 0), d.getInteger("publishedVersion", 0),
                draft == null ? null : json.readValue(draft, type),
                published == null ? null : json.readValue(published, type));
    }
}
