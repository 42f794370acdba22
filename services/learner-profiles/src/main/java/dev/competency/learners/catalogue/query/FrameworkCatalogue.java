package dev.competency.learners.catalogue.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import dev.competency.contracts.EventAttributes;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.frameworks.FrameworkRetired;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every published version of every framework, as the full snapshot the frameworks service published, so that
 * mastery can always be computed under the policy of the version the evidence was aligned to. Writes are upserts
 * keyed by framework and version: receiving a snapshot again changes nothing.
 */
public class FrameworkCatalogue {

    static final String COLLECTION = "framework_versions";

    private final MongoCollection<Document> versions;
    private final JsonMapper json;

    public FrameworkCatalogue(MongoDatabase database, JsonMapper json) {
        this.versions = database.getCollection(COLLECTION);
        this.json = json;
    }

    public void store(FrameworkPublished snapshot, EventAttributes attributes) {
        Document document = new Document("_id", id(snapshot.frameworkId(), snapshot.version()))
                .append("frameworkId", snapshot.frameworkId())
                .append("version", snapshot.version())
                .append("retired", false)
                .append("eventId", attributes.id())
                .append("source", attributes.source())
                .append("publishedAt", Date.from(snapshot.publishedAt()))
                .append("snapshot", Document.parse(json.writeValueAsString(snapshot)));
        versions.replaceOne(Filters.eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true));
    }

    public void retire(FrameworkRetired retired) {
        versions.updateOne(Filters.eq("_id", id(retired.frameworkId(), retired.version())),
                Updates.set("retired", true));
    }

    public Optional<StoredVersion> find(String frameworkId, int version) {
        return Optional.ofNullable(versions.find(Filters.eq("_id", id(frameworkId, version))).first())
                .map(this::toStoredVersion);
    }

    /** All stored versions of a framework, oldest first. */
    public List<StoredVersion> versions(String frameworkId) {
        List<StoredVersion> result = new ArrayList<>();
        versions.find(Filters.eq("frameworkId", frameworkId)).forEach(d -> result.add(toStoredVersion(d)));
        result.sort((a, b) -> Integer.compare(a.snapshot().version(), b.snapshot().version()));
        return result;
    }

    private StoredVersion toStoredVersion(Document document) {
        FrameworkPublished snapshot = json.readValue(document.get("snapshot", Document.class).toJson(),
                FrameworkPublished.class);
        return new StoredVersion(snapshot, document.getBoolean("retired", false), document.getString("eventId"),
                document.getString("source"));
    }

    private static String id(String frameworkId, int version) {
        return frameworkId + ":" + version;
    }

    /** One framework version as received, with the id and source of the event that brought it. */
    public record StoredVersion(FrameworkPublished snapshot, boolean retired, String eventId, String source) {
    }
}
