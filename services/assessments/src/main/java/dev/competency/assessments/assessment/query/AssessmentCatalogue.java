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
import dev.competency.assessments.assessment.domain.PublishedAssessment;
import dev.competency.assessments.readmodel.ReadModels;
import dev.competency.platform.service.id.CompetencyId;
import dev.competency.platform.service.mongo.RecordCollections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
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

    private final MongoCollection<StoredAssessment> assessments;
    private final JsonMapper json;

    public AssessmentCatalogue(MongoDatabase database, JsonMapper json) {
        this.assessments = RecordCollections.collection(database, COLLECTION, StoredAssessment.class);
        this.json = json;
        createIndexes();
    }

    /** An assessment in {@code assessments}, draft and published version as JSON (public for the record codec). */
    public record StoredAssessment(@BsonId String assessmentId, @BsonProperty(KIND) AssessmentKind kind,
                                   @BsonProperty(TITLE) String title, @BsonProperty(FRAMEWORK_ID) String frameworkId,
                                   @BsonProperty(FRAMEWORK_VERSION) int frameworkVersion,
                                   @BsonProperty(STATUS) AssessmentStatus status,
                                   @BsonProperty(DRAFT_VERSION) int draftVersion,
                                   @BsonProperty(PUBLISHED_VERSION) Integer publishedVersion,
                                   @BsonProperty(COMPETENCY_IDS) List<CompetencyId> competencyIds,
                                   @BsonProperty(CREATED_BY) String createdBy,
                                   @BsonProperty(CREATED_AT) Instant createdAt, @BsonProperty(DRAFT) String draft,
                                   @BsonProperty(PUBLISHED) String published) {
        static final String KIND = "kind";
        static final String TITLE = "title";
        static final String FRAMEWORK_ID = "frameworkId";
        static final String FRAMEWORK_VERSION = "frameworkVersion";
        static final String STATUS = "status";
        static final String DRAFT_VERSION = "draftVersion";
        static final String PUBLISHED_VERSION = "publishedVersion";
        static final String COMPETENCY_IDS = "competencyIds";
        static final String CREATED_BY = "createdBy";
        static final String CREATED_AT = "createdAt";
        static final String DRAFT = "draft";
        static final String PUBLISHED = "published";

        List<CompetencyId> competencies() {
            return competencyIds == null ? List.of() : competencyIds;
        }
    }

    private void createIndexes() {
        assessments.createIndex(Indexes.ascending(StoredAssessment.COMPETENCY_IDS),
                new IndexOptions().name("by_competency"));
        assessments.createIndex(Indexes.compoundIndex(Indexes.ascending(StoredAssessment.STATUS),
                Indexes.descending(StoredAssessment.CREATED_AT)), new IndexOptions().name("by_status_newest"));
        assessments.createIndex(Indexes.descending(StoredAssessment.CREATED_AT), new IndexOptions().name("newest"));
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
                Updates.set(StoredAssessment.KIND, event.kind()),
                Updates.set(StoredAssessment.TITLE, event.title()),
                Updates.set(StoredAssessment.FRAMEWORK_ID, event.frameworkId()),
                Updates.set(StoredAssessment.FRAMEWORK_VERSION, event.frameworkVersion()),
                Updates.set(StoredAssessment.STATUS, AssessmentStatus.DRAFT),
                Updates.set(StoredAssessment.DRAFT_VERSION, event.draftVersion()),
                Updates.setOnInsert(StoredAssessment.PUBLISHED_VERSION, 0),
                Updates.setOnInsert(StoredAssessment.COMPETENCY_IDS, List.of()),
                Updates.set(StoredAssessment.CREATED_BY, event.createdBy()),
                Updates.set(StoredAssessment.CREATED_AT, event.createdAt())), new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(AssessmentDefined event) {
        List<CompetencyId> competencies = new ArrayList<>(stored(event.assessmentId())
                .map(StoredAssessment::competencies).orElse(List.of()));
        event.definition().alignments().stream().map(alignment -> new CompetencyId(alignment.competencyId()))
                .filter(id -> !competencies.contains(id)).forEach(competencies::add);
        assessments.updateOne(Filters.eq("_id", event.assessmentId()), Updates.combine(
                Updates.set(StoredAssessment.DRAFT_VERSION, event.draftVersion()),
                Updates.set(StoredAssessment.DRAFT, json.writeValueAsString(event.definition())),
                Updates.set(StoredAssessment.COMPETENCY_IDS, competencies)));
    }

    @EventHandler
    void on(AssessmentPublished event) {
        PublishedAssessment published = event.assessment();
        assessments.updateOne(Filters.eq("_id", published.assessmentId()), Updates.combine(
                Updates.set(StoredAssessment.STATUS, AssessmentStatus.PUBLISHED),
                Updates.set(StoredAssessment.PUBLISHED_VERSION, published.version()),
                Updates.set(StoredAssessment.PUBLISHED, json.writeValueAsString(published))));
    }

    @EventHandler
    void on(AssessmentRetired event) {
        assessments.updateOne(Filters.eq("_id", event.assessmentId()),
                Updates.set(StoredAssessment.STATUS, AssessmentStatus.RETIRED));
    }

    private Optional<StoredAssessment> stored(String assessmentId) {
        return Optional.ofNullable(assessments.find(Filters.eq("_id", assessmentId)).first());
    }

    public Optional<AssessmentView> find(String assessmentId) {
        return stored(assessmentId).map(this::toView);
    }

    /**
     * Which assessments a search asks for; a null field does not filter. {@code competencyId} matches assessments
     * aligned to it in their draft or published version, {@code titleContains} any part of the title, ignoring case.
     */
    public record Search(CompetencyId competencyId, AssessmentStatus status, AssessmentKind kind,
                         String titleContains) {
    }

    /** One page of a search, newest assessment first, and how many assessments match in all. */
    public record Page(List<AssessmentView> assessments, long total) {
    }

    public Page search(Search search, int offset, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (search.competencyId() != null) {
            filters.add(Filters.eq(StoredAssessment.COMPETENCY_IDS, search.competencyId()));
        }
        if (search.status() != null) {
            filters.add(Filters.eq(StoredAssessment.STATUS, search.status()));
        }
        if (search.kind() != null) {
            filters.add(Filters.eq(StoredAssessment.KIND, search.kind()));
        }
        if (search.titleContains() != null && !search.titleContains().isEmpty()) {
            filters.add(Filters.regex(StoredAssessment.TITLE, Pattern.quote(search.titleContains()), "i"));
        }
        Bson filter = filters.isEmpty() ? Filters.empty() : Filters.and(filters);
        List<AssessmentView> views = assessments.find(filter)
                .sort(Sorts.orderBy(Sorts.descending(StoredAssessment.CREATED_AT), Sorts.ascending("_id")))
                .skip(offset).limit(limit).map(this::toView).into(new ArrayList<>());
        return new Page(views, assessments.countDocuments(filter));
    }

    private AssessmentView toView(StoredAssessment a) {
        return new AssessmentView(a.assessmentId(), a.kind(), a.title(), a.frameworkId(), a.frameworkVersion(),
                a.status(), a.draftVersion(), a.publishedVersion() == null ? 0 : a.publishedVersion(),
                a.competencies().stream().map(CompetencyId::value).toList(),
                a.draft() == null ? null : json.readValue(a.draft(), AssessmentDefinition.class),
                a.published() == null ? null : json.readValue(a.published(), PublishedAssessment.class));
    }
}
