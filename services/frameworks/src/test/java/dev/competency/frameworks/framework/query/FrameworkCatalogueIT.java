package dev.competency.frameworks.framework.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/** The framework read model on the real store: events applied with on(...), answers read with its queries. */
@ExtendWith(InfrastructureExtension.class)
class FrameworkCatalogueIT {

    private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");
    private static MongoClient client;
    private static FrameworkCatalogue catalogue;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.endpoints().mongoConnectionString());
        catalogue = new FrameworkCatalogue(client.getDatabase("frameworks-catalogue-" + UUID.randomUUID()),
                JsonMapper.builder().build());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void answersVersionsSearchesAndPublishedFacts_asEventsArrive() {
        FrameworkContent v1 = Contents.stored("fw-q", Contents.valid());
        FrameworkContent v2 = Contents.stored("fw-q", Contents.withTitle(Contents.valid(), "Backend 2"));
        catalogue.on(new FrameworkCreated("fw-q", "DEVQ", "Backend", null, 1, "author-1", AT));
        catalogue.on(new FrameworkDraftEdited("fw-q", 1, v1, "author-1", AT));

        assertThat(catalogue.competencies("api", null, "fw-q", null)).as("drafts are not current").isEmpty();
        assertThat(catalogue.competencies("api", null, "fw-q", 1)).hasSize(3);
        assertThat(catalogue.find("fw-q", null)).as("nothing published yet").isEmpty();

        catalogue.on(new FrameworkVersionPublished("fw-q", 1, "DEVQ", v1, 1, "author-1", AT));
        catalogue.on(new FrameworkVersionPublished("fw-q", 1, "DEVQ", v1, 1, "author-1", AT));
        catalogue.on(new FrameworkDraftEdited("fw-q", 2, v2, "author-1", AT));

        assertThat(catalogue.competencies(null, "DEV.API.2", "fw-q", null)).extracting(CompetencyHit::version)
                .containsExactly(1);
        assertThat(catalogue.competencies("EVOLVES", null, null, null)).extracting(CompetencyHit::code)
                .contains("DEV.API.2");
        assertThat(catalogue.find("fw-q").orElseThrow().versions()).extracting(FrameworkCatalogue.VersionState::status)
                .containsExactly(FrameworkStatus.PUBLISHED, FrameworkStatus.DRAFT);
        assertThat(catalogue.list("backend", null)).extracting(FrameworkCatalogue.FrameworkSummary::title)
                .contains("Backend 2");
        var published = catalogue.find("fw-q", null).orElseThrow();
        assertThat(published.version()).isEqualTo(1);
        assertThat(published.levelsByCompetency().get(v1.competencies().get(0).id()))
                .containsExactly("NOVICE", "DEVELOPING", "PROFICIENT", "EXPERT");

        catalogue.on(new FrameworkVersionPublished("fw-q", 2, "DEVQ", v2, 1, "author-1", AT));
        catalogue.on(new FrameworkVersionRetired("fw-q", 2, "author-1", null, AT));

        assertThat(catalogue.competencies(null, "DEV.API.2", "fw-q", null)).extracting(CompetencyHit::version,
                CompetencyHit::status).containsExactly(org.assertj.core.groups.Tuple.tuple(2, FrameworkStatus.RETIRED));
        assertThat(catalogue.find("fw-q", 2).orElseThrow().retired()).isTrue();
        assertThat(catalogue.latestPublishedVersions()).extracting(FrameworkCatalogue.VersionView::version)
                .contains(2);
        assertThat(catalogue.currentCompetency(v2.competencies().get(1).id())).isPresent();
    }
}
