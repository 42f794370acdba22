package dev.competency.learners.catalogue.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.competency.contracts.frameworks.LearningResourcePublished;
import dev.competency.contracts.frameworks.RoleProfilePublished;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every version of every role profile and learning resource, as published. Upserts keyed by id and version, so a
 * redelivered snapshot changes nothing; readers pick the highest version unless a learner pins one.
 */
public class RoleProfiles {

    static final String PROFILES = "role_profile_versions";
    static final String RESOURCES = "learning_resource_versions";

    private final MongoCollection<Document> profiles;
    private final MongoCollection<Document> resources;
    private final JsonMapper json;

    public RoleProfiles(MongoDatabase database, JsonMapper json) {
        this.profiles = database.getCollection(PROFILES);
        this.resources = database.getCollection(RESOURCES);
        this.json = json;
        profiles.createIndex(Indexes.ascending("roleProfileId", "version"));
        resources.createIndex(Indexes.ascending("frameworkId"));
    }

    public void store(RoleProfilePublished profile) {
        String id = profile.roleProfileId() + ":" + profile.version();
        profiles.replaceOne(Filters.eq("_id", id), new Document("_id", id)
                .append("roleProfileId", profile.roleProfileId())
                .append("version", profile.version())
                .append("snapshot", Document.parse(json.writeValueAsString(profile))),
                new ReplaceOptions().upsert(true));
    }

    public void store(LearningResourcePublished resource) {
        String id = resource.resourceId() + ":" + resource.version();
        resources.replaceOne(Filters.eq("_id", id), new Document("_id", id)
                .append("resourceId", resource.resourceId())
                .append("version", resource.version())
                .append("frameworkId", resource.frameworkId())
                .append("snapshot", Document.parse(json.writeValueAsString(resource))),
                new ReplaceOptions().upsert(true));
    }

    /** The pinned version, or the highest one when {@code version} is null. */
    public Optional<RoleProfilePublished> profile(String roleProfileId, Integer version) {
        Document found = version != null
                ? profiles.find(Filters.eq("_id", roleProfileId + ":" + version)).first()
                : profiles.find(Filters.eq("roleProfileId", roleProfileId)).sort(Sorts.descending("version")).first();
        return Optional.ofNullable(found)
                .map(d -> json.readValue(d.get("snapshot", Document.class).toJson(), RoleProfilePublished.class));
    }

    /** The highest version of every learning resource. */
    public List<LearningResourcePublished> latestResources() {
        Map<String, LearningResourcePublished> latest = new HashMap<>();
        for (Document d : resources.find()) {
            LearningResourcePublished resource = json.readValue(d.get("snapshot", Document.class).toJson(),
                    LearningResourcePublished.class);
            latest.merge(resource.resourceId(), resource, (a, b) -> a.version() >= b.version() ? a : b);
        }
        List<LearningResourcePublished> result = new ArrayList<>(latest.values());
        result.sort(Comparator.comparing(LearningResourcePublished::resourceId));
        return result;
    }
}
