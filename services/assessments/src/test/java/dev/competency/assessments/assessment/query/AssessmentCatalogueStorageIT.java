package dev.competency.assessments.assessment.query;

import static dev.competency.assessments.assessment.domain.Definitions.API;
import static dev.competency.assessments.assessment.domain.Definitions.DATA;
import static dev.competency.assessments.assessment.domain.Definitions.FRAMEWORK;
import static dev.competency.assessments.assessment.domain.Definitions.VERSION;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import dev.competency.assessments.assessment.domain.AssessmentCreated;
import dev.competency.assessments.assessment.domain.AssessmentDefined;
import dev.competency.assessments.assessment.domain.AssessmentDefinition;
import dev.competency.assessments.assessment.domain.AssessmentKind;
import dev.competency.assessments.assessment.domain.AssessmentPublished;
import dev.competency.assessments.assessment.domain.AssessmentStatus;
import dev.competency.assessments.assessment.domain.Definitions;
import dev.competency.assessments.assessment.domain.PublishedAssessment;
import dev.competency.assessments.assessment.query.AssessmentCatalogue.AssessmentView;
import dev.competency.assessments.assessment.query.AssessmentCatalogue.Search;
import dev.competency.platform.service.id.CompetencyId;
import dev.competency.platform.test.ScratchDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The catalogue's documents keep the shape earlier releases wrote, and documents those releases wrote read back. */
class AssessmentCatalogueStorageIT {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private final ScratchDatabase scratch = ScratchDatabase.create("assessment-catalogue");
    private final JsonMapper json = JsonMapper.builder().build();
    private final AssessmentCatalogue catalogue = new AssessmentCatalogue(scratch.database(), json);
    private final MongoCollection<Document> raw = scratch.database().getCollection(AssessmentCatalogue.COLLECTION);

    @AfterEach
    void dropDatabase() {
        scratch.close();
    }

    @Test
    void storesTheDocumentShapeOfEarlierReleases_whenAssessmentIsDefinedAndPublished() {
        AssessmentDefinition rubric = Definitions.rubric();
        PublishedAssessment published = Definitions.published("as-1", AssessmentKind.RUBRIC, rubric);
        catalogue.on(new AssessmentCreated("as-1", AssessmentKind.RUBRIC, "Assessment as-1", FRAMEWORK, VERSION, 1,
                "author-1", AT));
        catalogue.on(new AssessmentDefined("as-1", 1, rubric, "author-1", AT));
        catalogue.on(new AssessmentDefined("as-1", 1, rubric, "author-1", AT));
        catalogue.on(new AssessmentPublished(published, "author-1", AT));

        assertThat(raw.find().first()).isEqualTo(new Document("_id", "as-1").append("kind", "RUBRIC")
                .append("title", "Assessment as-1").append("frameworkId", FRAMEWORK).append("frameworkVersion", VERSION)
                .append("status", "PUBLISHED").append("draftVersion", 1).append("publishedVersion", 1)
                .append("competencyIds", List.of(API, DATA)).append("createdBy", "author-1")
                .append("createdAt", Date.from(AT)).append("draft", json.writeValueAsString(rubric))
                .append("published", json.writeValueAsString(published)));
        List<String> indexes = new ArrayList<>();
        raw.listIndexes().forEach(index -> indexes.add(index.getString("name")));
        assertThat(indexes).contains("by_competency", "by_status_newest", "newest");
        assertThat(catalogue.search(new Search(new CompetencyId(DATA), AssessmentStatus.PUBLISHED,
                AssessmentKind.RUBRIC, "AS-1"), 0, 10).assessments()).extracting(AssessmentView::assessmentId)
                .containsExactly("as-1");
    }

    @Test
    void readsAssessmentsStoredWithExplicitNulls_whenDocumentsCameFromEarlierReleases() {
        raw.insertOne(new Document("_id", "as-old").append("kind", "QUIZ").append("title", "Old")
                .append("frameworkId", FRAMEWORK).append("frameworkVersion", VERSION).append("status", "DRAFT")
                .append("draftVersion", 1).append("competencyIds", List.of()).append("createdBy", null)
                .append("createdAt", Date.from(AT)).append("draft", null).append("published", null));

        AssessmentView view = catalogue.find("as-old").orElseThrow();

        assertThat(view).isEqualTo(new AssessmentView("as-old", AssessmentKind.QUIZ, "Old", FRAMEWORK, VERSION,
                AssessmentStatus.DRAFT, 1, 0, List.of(), null, null));
    }

    @Test
    void findsTitlesContainingTheTextLiterally_whenTheTextHasRegularExpressionCharacters() {
        catalogue.on(new AssessmentCreated("as-c", AssessmentKind.QUIZ, "C++ (advanced) [v2]? $5 \\E.*", FRAMEWORK,
                VERSION, 1, "author-1", AT));
        catalogue.on(new AssessmentCreated("as-x", AssessmentKind.QUIZ, "Cxx advanced v2", FRAMEWORK, VERSION, 1,
                "author-1", AT));

        for (String text : List.of("c++ (ADVANCED)", "[v2]?", "$5", "\\E.*")) {
            assertThat(catalogue.search(new Search(null, null, null, text), 0, 10).assessments())
                    .as(text).extracting(AssessmentView::assessmentId).containsExactly("as-c");
        }
        assertThat(catalogue.search(new Search(null, null, null, "c.."), 0, 10).assessments()).isEmpty();
    }
}
