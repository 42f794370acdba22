package dev.competency.assessments.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.competency.assessments.alignment.domain.ActivityAlignment;
import dev.competency.assessments.alignment.query.ActivityAlignments;
import dev.competency.assessments.frameworks.domain.FrameworkVersion;
import dev.competency.assessments.frameworks.query.FrameworkCatalogue;
import dev.competency.assessments.learners.query.LearnerDirectory;
import dev.competency.assessments.provider.query.ActivityProviderClient;
import dev.competency.assessments.provider.query.ActivityProviderClients;
import dev.competency.assessments.xapi.query.ActivityDefinitions;
import dev.competency.contracts.EventCatalog;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.frameworks.FrameworkRetired;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.contracts.learners.MailboxHash;
import dev.competency.platform.test.ScratchDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documents of the read models kept outside the event store (alignments, framework versions, learners, xAPI
 * clients and activity definitions) keep the shape earlier releases wrote, and documents those releases wrote with
 * explicit nulls read back.
 */
class StoredDocumentsIT {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The competency the framework example rolls up from its children. */
    private static final String ROLLED_UP = "414e5166-b309-46fe-8194-ed22825f5936";

    private final ScratchDatabase scratch = ScratchDatabase.create("assessments-documents");
    private final MongoDatabase database = scratch.database();

    @AfterEach
    void dropDatabase() {
        scratch.close();
    }

    private MongoCollection<Document> raw(String collection) {
        return database.getCollection(collection);
    }

    @Test
    void storesAlignmentsAsEarlierReleases_whenAlignmentIsSavedOrReadBack() {
        ActivityAlignments alignments = new ActivityAlignments(database, Clock.fixed(AT, ZoneOffset.UTC));
        ActivityAlignment alignment = new ActivityAlignment("al-1", "https://content.example.com/a", null, null, null,
                "fw-1", 2, List.of("c-1", "c-2"), "author-1", AT, List.of("rolled up"));

        alignments.save(alignment);

        assertThat(raw("activity_alignments").find().first()).isEqualTo(new Document("_id", alignment.key())
                .append("alignmentId", "al-1").append("activityId", "https://content.example.com/a")
                .append("frameworkId", "fw-1").append("frameworkVersion", 2)
                .append("competencyIds", List.of("c-1", "c-2")).append("createdBy", "author-1")
                .append("createdAt", Date.from(AT)).append("warnings", List.of("rolled up")));
        List<String> indexes = new ArrayList<>();
        raw("activity_alignments").listIndexes().forEach(index -> indexes.add(index.getString("name")));
        assertThat(indexes).contains("alignmentId_1");
        raw("activity_alignments").insertOne(new Document("_id", "type:old").append("alignmentId", "al-old")
                .append("activityId", null).append("activityType", "https://w3id.org/xapi/old")
                .append("extensionKey", "https://example.com/skill").append("extensionValue", "api")
                .append("frameworkId", "fw-1").append("frameworkVersion", 1).append("competencyIds", List.of("c-1"))
                .append("createdBy", "author-1").append("createdAt", Date.from(AT)).append("warnings", null));
        assertThat(alignments.all()).containsExactlyInAnyOrder(alignment, new ActivityAlignment("al-old", null,
                "https://w3id.org/xapi/old", "https://example.com/skill", "api", "fw-1", 1, List.of("c-1"),
                "author-1", AT, List.of()));
        assertThat(alignments.delete("al-old")).isTrue();
        assertThat(alignments.all()).containsExactly(alignment);
    }

    @Test
    void storesFrameworkVersionsAsEarlierReleases_whenVersionIsPublishedAndRetired() throws IOException {
        FrameworkCatalogue catalogue = new FrameworkCatalogue(database);
        FrameworkPublished example;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(
                EventCatalog.byType(EventTypes.FRAMEWORK_PUBLISHED).exampleResource())) {
            example = JSON.readValue(in, FrameworkPublished.class);
        }

        catalogue.store(example);
        catalogue.retire(new FrameworkRetired(example.frameworkId(), example.version(), AT, null, null));
        catalogue.store(example);

        Document stored = raw("framework_versions").find().first();
        assertThat(stored).isNotNull();
        assertThat(stored.get("_id")).isEqualTo(example.frameworkId() + ":" + example.version());
        assertThat(stored.get("frameworkId")).isEqualTo(example.frameworkId());
        assertThat(stored.get("version")).isEqualTo(example.version());
        assertThat(stored.get("retired")).as("kept when the snapshot arrives again").isEqualTo(true);
        assertThat(stored.getList("competencies", Document.class)).first().isEqualTo(new Document("id",
                example.competencies().get(0).id()).append("code", example.competencies().get(0).code()));
        FrameworkPublished.ProficiencyLevel lowest = example.scale().levels().get(0);
        assertThat(stored.getList("levels", Document.class)).first()
                .isEqualTo(new Document("code", lowest.code()).append("threshold", lowest.threshold()));
        assertThat(stored.getList("rolledUpParents", String.class)).containsExactly(ROLLED_UP);
        FrameworkVersion version = catalogue.find(example.frameworkId(), example.version()).orElseThrow();
        assertThat(version.retired()).isTrue();
        assertThat(version.rollsUp(ROLLED_UP)).isTrue();
        assertThat(version.competencies()).hasSize(example.competencies().size());

        raw("framework_versions").insertOne(new Document("_id", "fw-old:1").append("frameworkId", "fw-old")
                .append("version", 1).append("competencies", List.of(new Document("id", "c-1").append("code", "C1")))
                .append("levels", List.of(new Document("code", "L1").append("threshold", 0.5)))
                .append("retired", false));
        assertThat(catalogue.find("fw-old", 1)).contains(new FrameworkVersion("fw-old", 1, false,
                Map.of("c-1", "C1"), List.of(new FrameworkVersion.Level("L1", 0.5))));
    }

    @Test
    void storesLearnersAndMailboxesAsEarlierReleases_whenLearnerRegisters() {
        LearnerDirectory directory = new LearnerDirectory(database);
        String hash = MailboxHash.ofAddress("learner.one@example.com");

        directory.register(new LearnerRegistered("learner-1", hash, "Platform", AT));
        directory.register(new LearnerRegistered("learner-2", null, null, AT));

        assertThat(raw("learners").find(new Document("_id", "learner-1")).first())
                .isEqualTo(new Document("_id", "learner-1").append("organisationUnit", "Platform"));
        assertThat(raw("learner_mailboxes").find().first())
                .isEqualTo(new Document("_id", hash).append("learnerId", "learner-1"));
        assertThat(directory.organisationUnit("learner-2")).isEmpty();
        assertThat(directory.learnerByMboxSha1sum(hash.toUpperCase(Locale.ROOT))).contains("learner-1");
        assertThat(directory.mboxSha1sums("learner-1")).isEqualTo(Set.of(hash));
        raw("learners").insertOne(new Document("_id", "learner-old").append("organisationUnit", null));
        assertThat(directory.organisationUnit("learner-old")).isEmpty();

        directory.erase("learner-1");

        assertThat(raw("learners").countDocuments(new Document("_id", "learner-1"))).isZero();
        assertThat(raw("learner_mailboxes").countDocuments()).isZero();
    }

    @Test
    void storesClientsAsEarlierReleases_whenClientIsRegisteredAndRevoked() {
        ActivityProviderClients clients = new ActivityProviderClients(database, Clock.fixed(AT, ZoneOffset.UTC));

        ActivityProviderClients.Registration registration = clients.register(" Content ", "admin-1", true);

        Document stored = raw("xapi_clients").find().first();
        assertThat(stored).isNotNull();
        assertThat(stored.keySet()).containsExactly("_id", "name", "salt", "hash", "createdBy", "createdAt",
                "revoked", "trustedAuthority");
        assertThat(stored.get("_id")).isEqualTo(registration.client().key());
        assertThat(stored.get("name")).isEqualTo("Content");
        assertThat(stored.get("createdAt")).isEqualTo(Date.from(AT));
        assertThat(stored.get("revoked")).isEqualTo(false);
        assertThat(stored.get("trustedAuthority")).isEqualTo(true);
        assertThat(stored.getString("hash")).isNotEqualTo(registration.secret());
        assertThat(clients.authenticate(registration.client().key(), registration.secret()))
                .contains(registration.client());
        assertThat(clients.authenticate(registration.client().key(), "wrong")).isEmpty();
        raw("xapi_clients").insertOne(new Document("_id", "old-key").append("name", "Old").append("salt", "s")
                .append("hash", "h").append("createdBy", null).append("createdAt", Date.from(AT))
                .append("revoked", false));
        assertThat(clients.all()).contains(new ActivityProviderClient("old-key", "Old", null, AT, false, false));

        assertThat(clients.revoke(registration.client().key())).isTrue();

        assertThat(raw("xapi_clients").find(new Document("_id", registration.client().key())).first()
                .get("revoked")).isEqualTo(true);
        assertThat(clients.authenticate(registration.client().key(), registration.secret())).isEmpty();
    }

    @Test
    void storesActivityDefinitionsAsJsonText_whenStatementDefinesAnActivity() {
        ActivityDefinitions definitions = new ActivityDefinitions(database, JSON);

        definitions.learnFrom(JSON.readTree("{\"object\":{\"id\":\"https://content.example.com/a\",\"definition\":"
                + "{\"name\":{\"en\":\"A\"},\"extensions\":{\"https://example.com/x.y\":1}}}}"));

        Document stored = raw("xapi_activities").find().first();
        assertThat(stored).isNotNull();
        assertThat(stored.keySet()).containsExactly("_id", "definition");
        assertThat(stored.get("_id")).isEqualTo("https://content.example.com/a");
        assertThat(JSON.readTree(stored.getString("definition"))).isEqualTo(JSON.readTree(
                "{\"name\":{\"en\":\"A\"},\"extensions\":{\"https://example.com/x.y\":1}}"));
        assertThat(definitions.definition("https://content.example.com/a").orElseThrow()
                .path("name").path("en").asString()).isEqualTo("A");
    }
}
