package dev.competency.assessments.assessment.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.competency.assessments.assessment.domain.AssessmentCreated;
import dev.competency.assessments.assessment.domain.AssessmentDefined;
import dev.competency.assessments.assessment.domain.AssessmentDefinition;
import dev.competency.assessments.assessment.domain.AssessmentKind;
import dev.competency.assessments.assessment.domain.AssessmentPublished;
import dev.competency.assessments.assessment.domain.AssessmentRetired;
import dev.competency.assessments.assessment.domain.AssessmentStatus;
import dev.competency.assessments.assessment.domain.CompetencyWeight;
import dev.competency.assessments.assessment.domain.PublishedAssessment;
import dev.competency.assessments.readmodel.ReadModels;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assessment definitions as authors and learners look them up: status, versions, the draft, the published version
 * an attempt is taken against, and the competencies they are aligned to. Built by the read models' tracking
 * processor and rebuilt by replay; every write is a set keyed by the assessment id, so applying an event twice
 * changes nothing.
 */
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class AssessmentCatalogue {

    static final String COLLECTION = "assessments";

    private final MongoCollection<Document> assessments;
    private final JsonMapper json;

    public AssessmentCatalogue(MongoDatabase database, JsonMapper json) {
        this.assessments = database.getCollection(COLLECTION);
        this.json = json;
        createIndexes();
    }

    private void createIndexes() {
        assessments.createIndex(Indexes.ascending("competencyIds"), new IndexOptions().name("by_competency"));
        assessments.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("createdAt")),
                new IndexOptions().name("by_status_newest"));
        assessments.createIndex(Indexes.descending("createdAt"), new IndexOptions().name("newest"));
    }

    @ResetHandler
    void reset() {
        assessments.drop();
        createIndexes();
    }

    /** An assessment as the API shows it. */
    public record AssessmentView(String assessmentId, AssessmentKind kind, String title, String frameworkId,
                                 int frameworkVersion, AssessmentStatus status, int draftVersion,
                                 int publishedVersion, List<String> competencyIds, AssessmentDefinition draft,
                                 PublishedAssessment published) {
    }

    @EventHandler
    void on(AssessmentCreated event) {
        assessments.updateOne(Filters.eq("_id", event.assessmentId()), Updates.combine(
                Updates.set("kind", event.kind().name()),
                Updates.set("title", event.title()),
                Updates.set("frameworkId", event.frameworkId()),
                Updates.set("frameworkVersion", event.frameworkVersion()),
                Updates.set("status", AssessmentStatus.DRAFT.name()),
                Updates.set("draftVersion", event.draftVersion()),
                Updates.setOnInsert("publishedVersion", 0),
                Updates.setOnInsert("competencyIds", List.of()),
                Updates.set("createdBy", event.createdBy()),
                Updates.set("createdAt", Date.from(event.createdAt()))), new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(AssessmentDefined event) {
        List<String> competencies = new ArrayList<>(competencyIds(event.assessmentId()));
        event.definition().alignments().stream().map(CompetencyWeight::competencyId)
                .filter(id -> !competencies.contains(id)).forEach(competencies::add);
        assessments.updateOne(Filters.eq("_id", event.assessmentId()), Updates.combine(
                Updates.set("draftVersion", event.draftVersion()),
                Updates.set("draft", json.writeValueAsString(event.definition())),
                Updates.set("competencyIds", competencies)));
    }

    @EventHandler
    void on(AssessmentPublished event) {
        PublishedAssessment published = event.assessment();
        assessments.updateOne(Filters.eq("_id", published.assessmentId()), Updates.combine(
                Updates.set("status", AssessmentStatus.PUBLISHED.name()),
                Updates.set("publishedVersion", published.version()),
                Updates.set("published", json.writeValueAsString(published))));
    }

    @EventHandler
    void on(AssessmentRetired event) {
        assessments.updateOne(Filters.eq("_id", event.assessmentId()), Updates.combine(
                Updates.set("status", AssessmentStatus.RETIRED.name())));
    }

    public Optional<AssessmentView> find(String assessmentId) {
        return Optional.ofNullable(assessments.find(Filters.eq("_id", assessmentId)).first()).map(this::toView);
    }

    /**
     * Which assessments a search asks for; a null field does not filter. {@code competencyId} matches assessments
     * aligned to it in their draft or published version, {@code titleContains} any part of the title, ignoring case.
     */
    public record Search(String competencyId, AssessmentStatus status, AssessmentKind kind, String titleContains) {
    }

    /** One page of a search, newest assessment first, and how many assessments match in all. */
    public record Page(List<AssessmentView> assessments, long total) {
    }

    public Page search(Search search, int offset, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (search.competencyId() != null) {
            filters.add(Filters.eq("competencyIds", search.competencyId()));
        }
        if (search.status() != null) {
            filters.add(Filters.eq("status", search.status().name()));
        }
        if (search.kind() != null) {
            filters.add(Filters.eq("kind", search.kind().name()));
        }
        if (search.titleContains() != null && !search.titleContains().isEmpty()) {
            filters.add(Filters.regex("title", literal(search.titleContains()), "i"));
        }
        Bson filter = filters.isEmpty() ? Filters.empty() : Filters.and(filters);
        List<AssessmentView> views = new ArrayList<>();
        assessments.find(filter).sort(Sorts.orderBy(Sorts.descending("createdAt"), Sorts.ascending("_id")))
                .skip(offset).limit(limit).forEach(d -> views.add(toView(d)));
        return new Page(views, assessments.countDocuments(filter));
    }

    /** A regular expression matching {@code text} literally, in Java's and MongoDB's (PCRE) syntax alike. */
    private static String literal(String text) {
        StringBuilder pattern = new StringBuilder(text.length() * 2);
        for (char c : text.toCharArray()) {
            if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return pattern.toString();
    }

    private List<String> competencyIds(String assessmentId) {
        Document document = assessments.find(Filters.eq("_id", assessmentId)).first();
        return document == null ? List.of() : document.getList("competencyIds", String.class, List.of());
    }

    private AssessmentView toView(Document document) {
        String draft = document.getString("draft");
        String published = document.getString("published");
        return new AssessmentView(document.getString("_id"), AssessmentKind.valueOf(document.getString("kind")),
                document.getString("title"), document.getString("frameworkId"),
                document.getInteger("frameworkVersion"), AssessmentStatus.valueOf(document.getString("status")),
                document.getInteger("draftVersion"), document.getInteger("publishedVersion", 0),
                document.getList("competencyIds", String.class, List.of()),
                draft == null ? null : json.readValue(draft, AssessmentDefinition.class),
                published == null ? null : json.readValue(published, PublishedAssessment.class));
    }
}
