package dev.competency.assessments.attempt.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.competency.assessments.attempt.domain.AttemptGraded;
import dev.competency.assessments.attempt.domain.AttemptScored;
import dev.competency.assessments.attempt.domain.AttemptStarted;
import dev.competency.assessments.attempt.domain.AttemptStatus;
import dev.competency.assessments.attempt.domain.AttemptSubmitted;
import dev.competency.assessments.attempt.domain.AttemptTimedOut;
import dev.competency.assessments.attempt.domain.AttemptWithdrawn;
import dev.competency.assessments.attempt.domain.CompetencyResult;
import dev.competency.assessments.attempt.domain.ObservationRecorded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Attempts and their results: a learner's attempts, the grading queue, one attempt. Updated in the command's unit
 * of work (subscribing processor) with sets keyed by attempt id.
 */
@ProcessingGroup(AttemptBoard.PROCESSING_GROUP)
public class AttemptBoard {

    public static final String PROCESSING_GROUP = "attempt-board";
    static final String COLLECTION = "attempts";

    private final MongoCollection<Document> attempts;

    public AttemptBoard(MongoDatabase database) {
        this.attempts = database.getCollection(COLLECTION);
        attempts.createIndex(Indexes.ascending("learnerId", "assessmentId"), new IndexOptions().name("by_learner"));
        attempts.createIndex(Indexes.ascending("status", "submittedAt"), new IndexOptions().name("grading_queue"));
    }

    /** An attempt as the API shows it. */
    public record AttemptView(String attemptId, String assessmentId, int assessmentVersion, String kind,
                              String learnerId, AttemptStatus status, int attemptNumber, Instant startedAt,
                              Instant deadline, Instant submittedAt, boolean late, boolean timedOut, int revision,
                              Double overallScore, Boolean passed, List<CompetencyResultView> results,
                              String gradedBy) {
    }

    public record CompetencyResultView(String competencyId, double rawScore, double maxScore, double score) {
    }

    @EventHandler
    void on(AttemptStarted event) {
        attempts.updateOne(Filters.eq("_id", event.attemptId()), Updates.combine(
                Updates.set("assessmentId", event.assessment().assessmentId()),
                Updates.set("assessmentVersion", event.assessment().version()),
                Updates.set("kind", event.assessment().kind().name()),
                Updates.set("learnerId", event.learnerId()),
                Updates.set("status", AttemptStatus.STARTED.name()),
                Updates.set("attemptNumber", event.attemptNumber()),
                Updates.set("startedAt", Date.from(event.startedAt())),
                Updates.set("deadline", event.deadline() == null ? null : Date.from(event.deadline())),
                Updates.set("revision", 0)), new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(ObservationRecorded event) {
        attempts.updateOne(Filters.eq("_id", event.attemptId()), Updates.combine(
                Updates.set("assessmentId", event.assessment().assessmentId()),
                Updates.set("assessmentVersion", event.assessment().version()),
                Updates.set("kind", event.assessment().kind().name()),
                Updates.set("learnerId", event.learnerId()),
                Updates.set("attemptNumber", 1),
                Updates.set("startedAt", Date.from(event.observedAt())),
                Updates.set("submittedAt", Date.from(event.observedAt())),
                graded(AttemptStatus.GRADED, 1, event.overallScore(), event.passed(), event.results(),
                        event.observerId())), new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(AttemptSubmitted event) {
        attempts.updateOne(Filters.eq("_id", event.attemptId()), Updates.combine(
                Updates.set("status", AttemptStatus.AWAITING_GRADING.name()),
                Updates.set("submittedAt", Date.from(event.submittedAt())),
                Updates.set("late", event.late())));
    }

    @EventHandler
    void on(AttemptTimedOut event) {
        attempts.updateOne(Filters.eq("_id", event.attemptId()), Updates.combine(
                Updates.set("status", AttemptStatus.AWAITING_GRADING.name()),
                Updates.set("submittedAt", Date.from(event.deadline())),
                Updates.set("timedOut", true)));
    }

    @EventHandler
    void on(AttemptScored event) {
        attempts.updateOne(Filters.eq("_id", event.attemptId()), graded(AttemptStatus.SCORED, event.revision(),
                event.overallScore(), event.passed(), event.results(), null));
    }

    @EventHandler
    void on(AttemptGraded event) {
        attempts.updateOne(Filters.eq("_id", event.attemptId()), graded(AttemptStatus.GRADED, event.revision(),
                event.overallScore(), event.passed(), event.results(), event.assessorId()));
    }

    @EventHandler
    void on(AttemptWithdrawn event) {
        attempts.updateOne(Filters.eq("_id", event.attemptId()),
                Updates.set("status", AttemptStatus.WITHDRAWN.name()));
    }

    private static Bson graded(AttemptStatus status, int revision, double overall, boolean passed,
                               List<CompetencyResult> results, String gradedBy) {
        List<Document> resultDocuments = results.stream().map(r -> new Document("competencyId", r.competencyId())
                .append("rawScore", r.rawScore()).append("maxScore", r.maxScore()).append("score", r.score()))
                .toList();
        return Updates.combine(Updates.set("status", status.name()), Updates.set("revision", revision),
                Updates.set("overallScore", overall), Updates.set("passed", passed),
                Updates.set("results", resultDocuments), Updates.set("gradedBy", gradedBy));
    }

    public Optional<AttemptView> find(String attemptId) {
        return Optional.ofNullable(attempts.find(Filters.eq("_id", attemptId)).first()).map(AttemptBoard::toView);
    }

    public List<AttemptView> byLearner(String learnerId) {
        List<AttemptView> views = new ArrayList<>();
        attempts.find(Filters.eq("learnerId", learnerId)).sort(Sorts.ascending("startedAt"))
                .forEach(d -> views.add(toView(d)));
        return views;
    }

    public int countByLearnerAndAssessment(String learnerId, String assessmentId) {
        return (int) attempts.countDocuments(Filters.and(Filters.eq("learnerId", learnerId),
                Filters.eq("assessmentId", assessmentId)));
    }

    /** Submitted attempts waiting for an assessor, oldest submission first. */
    public List<AttemptView> gradingQueue() {
        List<AttemptView> views = new ArrayList<>();
        attempts.find(Filters.eq("status", AttemptStatus.AWAITING_GRADING.name()))
                .sort(Sorts.ascending("submittedAt")).forEach(d -> views.add(toView(d)));
        return views;
    }

    private static AttemptView toView(Document d) {
        List<CompetencyResultView> results = d.getList("results", Document.class, List.of()).stream()
                .map(r -> new CompetencyResultView(r.getString("competencyId"), r.getDouble("rawScore"),
                        r.getDouble("maxScore"), r.getDouble("score")))
                .toList();
        return new AttemptView(d.getString("_id"), d.getString("assessmentId"), d.getInteger("assessmentVersion", 0),
                d.getString("kind"), d.getString("learnerId"), AttemptStatus.valueOf(d.getString("status")),
                d.getInteger("attemptNumber", 0), instant(d, "startedAt"), instant(d, "deadline"),
                instant(d, "submittedAt"), d.getBoolean("late", false), d.getBoolean("timedOut", false),
                d.getInteger("revision", 0), d.getDouble("overallScore"), d.getBoolean("passed"), results,
                d.getString("gradedBy"));
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
