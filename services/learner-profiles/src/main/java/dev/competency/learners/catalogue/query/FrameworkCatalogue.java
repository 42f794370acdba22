package dev.competency.learners.catalogue.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import dev.competency.contracts.EventAttributes;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.frameworks.FrameworkRetired;
import dev.competency.platform.service.mongo.RecordCollections;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every published version of every framework, as the full snapshot the frameworks service published, so that
 * mastery can always be computed under the policy of the version the evidence was aligned to. Writes are upserts
 * keyed by framework and version: receiving a snapshot again changes nothing.
 */
public class FrameworkCatalogue {

    static final String COLLECTION = "framework_versions";

    private final MongoCollection<Stored> versions;
    private final JsonMapper json;

    public FrameworkCatalogue(MongoDatabase database, JsonMapper json) {
        this.versions = RecordCollections.collection(database, COLLECTION, Stored.class);
        this.json = json;
    }

    /**
     * One version as stored, public only for the driver's record codec. The snapshot is the published contract's JSON
     * as an embedded document: its shape is the contract's, which this service reads back whole and never queries.
     */
    public record Stored(@BsonId String id, String frameworkId, int version,
                         @BsonProperty(RETIRED) Boolean retired, String eventId, String source, Instant publishedAt,
                         Document snapshot) {
        static final String RETIRED = "retired";
    }

    public void store(FrameworkPublished snapshot, EventAttributes attributes) {
        String id = id(snapshot.frameworkId(), snapshot.version());
        versions.replaceOne(Filters.eq("_id", id), new Stored(id, snapshot.frameworkId(), snapshot.version(), false,
                attributes.id(), attributes.source(), snapshot.publishedAt(),
                Document.parse(json.writeValueAsString(snapshot))), new ReplaceOptions().upsert(true));
    }

    public void retire(FrameworkRetired retired) {
        versions.updateOne(Filters.eq("_id", id(retired.frameworkId(), retired.version())),
                Updates.set(Stored.RETIRED, true));
    }

    public Optional<StoredVersion> find(String frameworkId, int version) {
        return Optional.ofNullable(versions.find(Filters.eq("_id", id(frameworkId, version))).first())
                .map(this::toStoredVersion);
    }

    private StoredVersion toStoredVersion(Stored stored) {
        return new StoredVersion(json.readValue(stored.snapshot().toJson(), FrameworkPublished.class),
                Boolean.TRUE.equals(stored.retired()), stored.eventId(), stored.source());
    }

    private static String id(String frameworkId, int version) {
        return frameworkId + ":" + version;
    }

    /** One framework version as received, with the id and source of the event that brought it. */
    public record StoredVersion(FrameworkPublished snapshot, boolean retired, String eventId, String source) {
    }
}
