package dev.competency.frameworks.framework.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.competency.frameworks.framework.domain.Contents;
import dev.competency.frameworks.framework.domain.FrameworkContent;
import dev.competency.frameworks.framework.domain.FrameworkCreated;
import dev.competency.frameworks.framework.domain.FrameworkDraftEdited;
import dev.competency.frameworks.framework.domain.FrameworkStatus;
import dev.competency.frameworks.framework.domain.FrameworkVersionPublished;
import dev.competency.frameworks.framework.domain.FrameworkVersionRetired;
import dev.competency.frameworks.framework.query.FrameworkCatalogue.CompetencyHit;
import dev.competency.platform.test.InfrastructureExtension;
import dev.competency.platform.test.TestInfrastructure;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/** The framework read model on the real store: events applied with on(...), answers read with its queries. */
@ExtendWith(InfrastructureExtension.class)
class FrameworkCatalogueIT {

    private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");
    private static final FrameworkId FW_Q = new FrameworkId("fw-q");
    private static MongoClient client;
    private static MongoDatabase database;
    private static FrameworkCatalogue catalogue;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.endpoints().mongoConnectionString());
        database = client.getDatabase("frameworks-catalogue-" + UUID.randomUUID());
        catalogue = new FrameworkCatalogue(database, JsonMapper.builder().build());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void answersVersionsSearchesAndPublishedFacts_whenEventsArrive() {
        FrameworkContent v1 = Contents.stored("fw-q", Contents.valid());
        FrameworkContent v2 = Contents.stored("fw-q", Contents.withTitle(Contents.valid(), "Backend 2"));
        catalogue.on(new FrameworkCreated("fw-q", "DEVQ", "Backend", null, 1, "author-1", AT));
        catalogue.on(new FrameworkDraftEdited("fw-q", 1, v1, "author-1", AT));

        assertThat(catalogue.competencies("api", null, FW_Q, null)).as("drafts are not current").isEmpty();
        assertThat(catalogue.competencies("api", null, FW_Q, 1)).hasSize(3);
        assertThat(catalogue.find("fw-q", null)).as("nothing published yet").isEmpty();

        catalogue.on(new FrameworkVersionPublished("fw-q", 1, "DEVQ", v1, 1, "author-1", AT));
        catalogue.on(new FrameworkVersionPublished("fw-q", 1, "DEVQ", v1, 1, "author-1", AT));
        catalogue.on(new FrameworkDraftEdited("fw-q", 2, v2, "author-1", AT));

        assertThat(catalogue.competencies(null, "DEV.API.2", FW_Q, null)).extracting(CompetencyHit::version)
                .containsExactly(1);
        assertThat(catalogue.competencies("EVOLVES", null, null, null)).extracting(CompetencyHit::code)
                .contains("DEV.API.2");
        assertThat(catalogue.find(FW_Q).orElseThrow().versions()).extracting(FrameworkCatalogue.VersionState::status)
                .containsExactly(FrameworkStatus.PUBLISHED, FrameworkStatus.DRAFT);
        assertThat(catalogue.list("backend", null)).extracting(FrameworkCatalogue.FrameworkSummary::title)
                .contains("Backend 2");
        var published = catalogue.find("fw-q", null).orElseThrow();
        assertThat(published.version()).isEqualTo(1);
        assertThat(published.levelsByCompetency().get(v1.competencies().get(0).id()))
                .containsExactly("NOVICE", "DEVELOPING", "PROFICIENT", "EXPERT");

        catalogue.on(new FrameworkVersionPublished("fw-q", 2, "DEVQ", v2, 1, "author-1", AT));
        catalogue.on(new FrameworkVersionRetired("fw-q", 2, "author-1", null, AT));

        assertThat(catalogue.competencies(null, "DEV.API.2", FW_Q, null)).extracting(CompetencyHit::version,
                CompetencyHit::status).containsExactly(org.assertj.core.groups.Tuple.tuple(2, FrameworkStatus.RETIRED));
        assertThat(catalogue.find("fw-q", 2).orElseThrow().retired()).isTrue();
        assertThat(catalogue.latestPublishedVersions()).extracting(FrameworkCatalogue.VersionView::version)
                .contains(2);
        assertThat(catalogue.currentCompetency(v2.competencies().get(1).id())).isPresent();
    }

    @Test
    void storesTheDocumentShapeOfEarlierReleases_whenFrameworkIsPublished() {
        FrameworkContent content = Contents.stored("fw-shape", Contents.valid());
        catalogue.on(new FrameworkCreated("fw-shape", "SHAPE", "Shape", null, 1, "author-1", AT));
        catalogue.on(new FrameworkDraftEdited("fw-shape", 1, content, "author-1", AT));
        catalogue.on(new FrameworkVersionPublished("fw-shape", 1, "SHAPE", content, 4, "author-1", AT));

        Document framework = database.getCollection("frameworks").find(Filters.eq("_id", "fw-shape")).first();
        assertThat(framework).isNotNull();
        assertThat(framework.get("status")).isEqualTo("PUBLISHED");
        assertThat(framework.get("publishedVersion")).isEqualTo(1);
        assertThat(framework.get("createdAt")).isEqualTo(Date.from(AT));
        Document version = database.getCollection("framework_versions").find(Filters.eq("_id", "fw-shape:1")).first();
        assertThat(version).isNotNull();
        assertThat(version.get("frameworkId")).isEqualTo("fw-shape");
        assertThat(version.get("publishedAt")).isEqualTo(Date.from(AT));
        assertThat(version.get("policyVersion")).isEqualTo(4);
        assertThat(version.get("content")).isInstanceOf(String.class);
        String competencyId = content.competencies().get(0).id();
        Document competency = database.getCollection("framework_competencies")
                .find(Filters.eq("_id", "fw-shape:1:" + competencyId)).first();
        assertThat(competency).isNotNull();
        assertThat(competency.get("id")).isEqualTo(competencyId);
        assertThat(competency.get("current")).isEqualTo(true);
        assertThat(competency.get("status")).isEqualTo("PUBLISHED");
    }

    @Test
    void readsFrameworksStoredWithExplicitNulls_whenDocumentsCameFromEarlierReleases() {
        database.getCollection("frameworks").insertOne(new Document("_id", "fw-old").append("code", "OLD")
                .append("title", "Old").append("description", null).append("status", "DRAFT")
                .append("latestVersion", 1).append("publishedVersion", 0).append("createdAt", Date.from(AT))
                .append("externalId", null));
        database.getCollection("framework_versions").insertOne(new Document("_id", "fw-old:1")
                .append("frameworkId", "fw-old").append("code", "OLD").append("version", 1).append("status", "DRAFT")
                .append("policyVersion", null).append("publishedAt", null).append("publishedBy", null)
                .append("changedAt", Date.from(AT)).append("content", JsonMapper.builder().build()
                        .writeValueAsString(FrameworkContent.empty("Old", null))));

        var summary = catalogue.find(new FrameworkId("fw-old")).orElseThrow();
        assertThat(summary.description()).isNull();
        assertThat(summary.versions()).extracting(FrameworkCatalogue.VersionState::status)
                .containsExactly(FrameworkStatus.DRAFT);
        var version = catalogue.version(new FrameworkId("fw-old"), 1).orElseThrow();
        assertThat(version.publishedAt()).isNull();
        assertThat(version.changedAt()).isEqualTo(AT);
    }
}
