package dev.competency.learners.catalogue.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.competency.contracts.frameworks.LearningResourcePublished;
import dev.competency.contracts.frameworks.RoleProfilePublished;
import dev.competency.platform.service.mongo.RecordCollections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every version of every role profile and learning resource, as published. Upserts keyed by id and version, so a
 * redelivered snapshot changes nothing; readers pick the highest version unless a learner pins one. The stored
 * records are public only for the driver's record codec; their snapshot is the published contract's JSON as an
 * embedded document, whose shape is the contract's, read back whole and never queried.
 */
public class RoleProfiles {

    static final String PROFILES = "role_profile_versions";
    static final String RESOURCES = "learning_resource_versions";

    private final MongoCollection<StoredProfile> profiles;
    private final MongoCollection<StoredResource> resources;
    private final JsonMapper json;

    public RoleProfiles(MongoDatabase database, JsonMapper json) {
        this.profiles = RecordCollections.collection(database, PROFILES, StoredProfile.class);
        this.resources = RecordCollections.collection(database, RESOURCES, StoredResource.class);
        this.json = json;
        profiles.createIndex(Indexes.ascending(StoredProfile.ROLE_PROFILE_ID, StoredProfile.VERSION));
        resources.createIndex(Indexes.ascending(StoredResource.FRAMEWORK_ID));
    }

    /** One version of a role profile in {@code role_profile_versions}. */
    public record StoredProfile(@BsonId String id, @BsonProperty(ROLE_PROFILE_ID) String roleProfileId,
                                @BsonProperty(VERSION) int version, Document snapshot) {
        static final String ROLE_PROFILE_ID = "roleProfileId";
        static final String VERSION = "version";
    }

    /** One version of a learning resource in {@code learning_resource_versions}. */
    public record StoredResource(@BsonId String id, String resourceId, int version,
                                 @BsonProperty(FRAMEWORK_ID) String frameworkId, Document snapshot) {
        static final String FRAMEWORK_ID = "frameworkId";
    }

    public void store(RoleProfilePublished profile) {
        String id = profile.roleProfileId() + ":" + profile.version();
        profiles.replaceOne(Filters.eq("_id", id), new StoredProfile(id, profile.roleProfileId(), profile.version(),
                Document.parse(json.writeValueAsString(profile))), new ReplaceOptions().upsert(true));
    }

    public void store(LearningResourcePublished resource) {
        String id = resource.resourceId() + ":" + resource.version();
        resources.replaceOne(Filters.eq("_id", id), new StoredResource(id, resource.resourceId(), resource.version(),
                resource.frameworkId(), Document.parse(json.writeValueAsString(resource))),
                new ReplaceOptions().upsert(true));
    }

    /** The pinned version, or the highest one when {@code version} is null. */
    public Optional<RoleProfilePublished> profile(String roleProfileId, Integer version) {
        StoredProfile found = version != null
                ? profiles.find(Filters.eq("_id", roleProfileId + ":" + version)).first()
                : profiles.find(Filters.eq(StoredProfile.ROLE_PROFILE_ID, roleProfileId))
                        .sort(Sorts.descending(StoredProfile.VERSION)).first();
        return Optional.ofNullable(found)
                .map(p -> json.readValue(p.snapshot().toJson(), RoleProfilePublished.class));
    }

    /** The highest version of every learning resource. */
    public List<LearningResourcePublished> latestResources() {
        Map<String, LearningResourcePublished> latest = new HashMap<>();
        for (StoredResource stored : resources.find()) {
            LearningResourcePublished resource = json.readValue(stored.snapshot().toJson(),
                    LearningResourcePublished.class);
            latest.merge(resource.resourceId(), resource, (a, b) -> a.version() >= b.version() ? a : b);
        }
        return latest.values().stream().sorted(Comparator.comparing(LearningResourcePublished::resourceId)).toList();
    }
}
