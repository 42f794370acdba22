package dev.competency.learners.catalogue.query;

import static dev.competency.platform.test.KafkaTestClient.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.competency.contracts.EventAttributes;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.frameworks.FrameworkRetired;
import dev.competency.contracts.frameworks.LearningResourcePublished;
import dev.competency.contracts.frameworks.RoleProfilePublished;
import dev.competency.platform.test.ScratchDatabase;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The catalogue's documents keep their stored shape: ids, fields, BSON types and the snapshot as embedded JSON. */
class CatalogueDocumentsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ScratchDatabase scratch;
    private MongoDatabase database;

    @BeforeEach
    void connect() {
        scratch = ScratchDatabase.create("catalogue");
        database = scratch.database();
    }

    @AfterEach
    void drop() {
        scratch.close();
    }

    @Test
    void storesFrameworkVersionInItsDocumentShape_andMarksItRetired() {
        FrameworkCatalogue catalogue = new FrameworkCatalogue(database, JSON);
        FrameworkPublished snapshot = JSON.readValue(example(EventTypes.FRAMEWORK_PUBLISHED), FrameworkPublished.class);
        String eventId = UUID.randomUUID().toString();
        catalogue.store(snapshot, new EventAttributes(eventId, EventTypes.FRAMEWORK_PUBLISHED, "/services/frameworks",
                Instant.now(), snapshot.frameworkId()));
        String id = snapshot.frameworkId() + ":" + snapshot.version();

        Document stored = database.getCollection(FrameworkCatalogue.COLLECTION).find(Filters.eq("_id", id)).first();
        assertThat(stored).isEqualTo(new Document("_id", id).append("frameworkId", snapshot.frameworkId())
                .append("version", snapshot.version()).append("retired", false).append("eventId", eventId)
                .append("source", "/services/frameworks").append("publishedAt", Date.from(snapshot.publishedAt()))
                .append("snapshot", Document.parse(JSON.writeValueAsString(snapshot))));

        catalogue.retire(new FrameworkRetired(snapshot.frameworkId(), snapshot.version(), Instant.now(), null, null));
        assertThat(catalogue.find(snapshot.frameworkId(), snapshot.version())).hasValueSatisfying(version -> {
            assertThat(version.retired()).isTrue();
            assertThat(version.snapshot()).isEqualTo(snapshot);
            assertThat(version.eventId()).isEqualTo(eventId);
        });
        assertThat(database.getCollection(FrameworkCatalogue.COLLECTION).find(Filters.eq("_id", id)).first()
                .get("retired")).isEqualTo(true);
    }

    @Test
    void storesVersionsInTheirDocumentShape_whenRoleProfilesAndResourcesArePublished() {
        RoleProfiles roleProfiles = new RoleProfiles(database, JSON);
        RoleProfilePublished profile = JSON.readValue(example(EventTypes.ROLE_PROFILE_PUBLISHED),
                RoleProfilePublished.class);
        LearningResourcePublished resource = JSON.readValue(example(EventTypes.LEARNING_RESOURCE_PUBLISHED),
                LearningResourcePublished.class);
        roleProfiles.store(profile);
        roleProfiles.store(resource);

        String profileId = profile.roleProfileId() + ":" + profile.version();
        assertThat(database.getCollection(RoleProfiles.PROFILES).find(Filters.eq("_id", profileId)).first())
                .isEqualTo(new Document("_id", profileId).append("roleProfileId", profile.roleProfileId())
                        .append("version", profile.version())
                        .append("snapshot", Document.parse(JSON.writeValueAsString(profile))));
        String resourceId = resource.resourceId() + ":" + resource.version();
        assertThat(database.getCollection(RoleProfiles.RESOURCES).find(Filters.eq("_id", resourceId)).first())
                .isEqualTo(new Document("_id", resourceId).append("resourceId", resource.resourceId())
                        .append("version", resource.version()).append("frameworkId", resource.frameworkId())
                        .append("snapshot", Document.parse(JSON.writeValueAsString(resource))));
        assertThat(roleProfiles.profile(profile.roleProfileId(), null)).contains(profile);
        assertThat(roleProfiles.latestResources()).containsExactly(resource);
    }
}
