package dev.competency.assessments.attempt.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.competency.assessments.assessment.domain.AssessmentKind;
import dev.competency.assessments.attempt.domain.AttemptGraded;
import dev.competency.assessments.attempt.domain.AttemptRegraded;
import dev.competency.assessments.attempt.domain.AttemptScored;
import dev.competency.assessments.attempt.domain.AttemptStarted;
import dev.competency.assessments.attempt.domain.AttemptStatus;
import dev.competency.assessments.attempt.domain.AttemptSubmitted;
import dev.competency.assessments.attempt.domain.AttemptTimedOut;
import dev.competency.assessments.attempt.domain.AttemptWithdrawn;
import dev.competency.assessments.attempt.domain.CompetencyResult;
import dev.competency.assessments.attempt.domain.ObservationRecorded;
import dev.competency.assessments.attempt.domain.PeerFeedbackCounted;
import dev.competency.assessments.attempt.domain.PeerRated;
import dev.competency.assessments.attempt.domain.ResponsesSaved;
import dev.competency.assessments.readmodel.ReadModels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Attempts and their results: a learner's attempts, the grading queue, one attempt. Built by the read models'
 * tracking processor with sets keyed by attempt id, and rebuilt by replay.
 */
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class AttemptBoard {

    static final String COLLECTION = "attempts";

    private final MongoCollection<Document> attempts;

    public AttemptBoard(MongoDatabase database) {
        this.attempts = database.getCollection(COLLECTION);
        createIndexes();
    }

    private void createIndexes() {
        attempts.createIndex(Indexes.ascending("learnerId", "assessmentId"), new IndexOptions().name("by_learner"));
        attempts.createIndex(Indexes.ascending("status", "submittedAt"), new IndexOptions().name("grading_queue"));
    }

    @ResetHandler
    void reset() {
        attempts.drop();
        createIndexes();
    }

    /** An attempt as the API shows it. */
    public record AttemptView(String attemptId, String assessmentId, int assessmentVersion, String kind,
                              String learnerId, AttemptStatus status, int attemptNumber, Instant startedAt,
                              Instant deadline, Instant submittedAt, boolean late, boolean timedOut, int revision,
                              Double overallScore, Boolean passed, List<CompetencyResultView> results,
                              String gradedBy, Integer peerRatings, Integer minPeers) {
    }

    /** A peer-feedback attempt a peer may rate; {@code nominated} when the learner asked this peer by name. */
    public record PeerRequest(String attemptId, String assessmentId, String learnerId, Instant requestedAt,
                              boolean nominated) {
    }

    public record CompetencyResultView(String competencyId, double rawScore, double maxScore, double score) {
    }

    @EventHandler
    void on(AttemptStarted event) {
        update(event.attemptId(), Updates.combine(
                Updates.set("assessmentId", event.assessment().assessmentId()),
                Updates.set("assessmentVersion", event.assessment().version()),
                Updates.set("kind", event.assessment().kind().name()),
                Updates.set("learnerId", event.learnerId()),
                Updates.set("status", AttemptStatus.STARTED.name()),
                Updates.set("attemptNumber", event.attemptNumber()),
                Updates.set("startedAt", Date.from(event.startedAt())),
                Updates.set("deadline", event.deadline() == null ? null : Date.from(event.deadline())),
                Updates.set("revision", 0),
                Updates.set("nominatedPeers", event.nominatedPeers() == null ? List.of() : event.nominatedPeers()),
                Updates.set("minPeers", event.assessment().kind() == AssessmentKind.PEER
                        ? event.assessment().definition().peersRequired() : null)), new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(ObservationRecorded event) {
        update(event.attemptId(), Updates.combine(
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
    void on(ResponsesSaved event) {
        update(event.attemptId(), Updates.set("savedAt", Date.from(event.savedAt())));
    }

    @EventHandler
    void on(AttemptSubmitted event) {
        update(event.attemptId(), Updates.combine(
                Updates.set("status", AttemptStatus.AWAITING_GRADING.name()),
                Updates.set("submittedAt", Date.from(event.submittedAt())),
                Updates.set("late", event.late())));
    }

    @EventHandler
    void on(AttemptTimedOut event) {
        update(event.attemptId(), Updates.combine(
                Updates.set("status", AttemptStatus.AWAITING_GRADING.name()),
                Updates.set("submittedAt", Date.from(event.deadline())),
                Updates.set("timedOut", true)));
    }

    @EventHandler
    void on(AttemptScored event) {
        update(event.attemptId(), graded(AttemptStatus.SCORED, event.revision(),
                event.overallScore(), event.passed(), event.results(), null));
    }

    @EventHandler
    void on(AttemptGraded event) {
        update(event.attemptId(), graded(AttemptStatus.GRADED, event.revision(),
                event.overallScore(), event.passed(), event.results(), event.assessorId()));
    }

    /** The peer's id is kept only to leave rated attempts out of their own list; views never show it. */
    @EventHandler
    void on(PeerRated event) {
        update(event.attemptId(), Updates.addToSet("ratedBy", event.peerId()));
    }

    @EventHandler
    void on(PeerFeedbackCounted event) {
        update(event.attemptId(), graded(AttemptStatus.GRADED, event.revision(), event.overallScore(),
                event.passed(), event.results(), null));
    }

    @EventHandler
    void on(AttemptRegraded event) {
        update(event.attemptId(), Updates.combine(
                Updates.set("assessmentVersion", event.assessment().version()),
                graded(AttemptStatus.SCORED, event.revision(), event.overallScore(), event.passed(), event.results(),
                        event.assessorId())));
    }

    @EventHandler
    void on(AttemptWithdrawn event) {
        update(event.attemptId(),
                Updates.set("status", AttemptStatus.WITHDRAWN.name()));
    }

    private void update(String attemptId, Bson update) {
        update(attemptId, update, new UpdateOptions());
    }

    private void update(String attemptId, Bson update, UpdateOptions options) {
        attempts.updateOne(Filters.eq("_id", attemptId), update, options);
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

    /** The peers a learner nominated for a peer-feedback attempt (empty: any peer); never shown in views. */
    public List<String> nominatedPeers(String attemptId) {
        Document document = attempts.find(Filters.eq("_id", attemptId)).first();
        return document == null ? List.of() : document.getList("nominatedPeers", String.class, List.of());
    }

    /**
     * Peer-feedback attempts still open that {@code peerId} may rate and has not rated: those that nominate them,
     * and those open to any peer. Oldest first.
     */
    public List<PeerRequest> peerRequests(String peerId) {
        List<PeerRequest> requests = new ArrayList<>();
        attempts.find(Filters.and(Filters.eq("kind", AssessmentKind.PEER.name()),
                        Filters.in("status", AttemptStatus.STARTED.name(), AttemptStatus.GRADED.name())))
                .sort(Sorts.ascending("startedAt")).forEach(d -> {
                    List<String> nominated = d.getList("nominatedPeers", String.class, List.of());
                    boolean open = nominated.isEmpty() || nominated.contains(peerId);
                    if (open && !peerId.equals(d.getString("learnerId"))
                            && !d.getList("ratedBy", String.class, List.of()).contains(peerId)) {
                        requests.add(new PeerRequest(d.getString("_id"), d.getString("assessmentId"),
                                d.getString("learnerId"), instant(d, "startedAt"), !nominated.isEmpty()));
                    }
                });
        return requests;
    }

    /** Submitted rubric attempts waiting for an assessor, oldest submission first. */
    public List<AttemptView> gradingQueue() {
        List<AttemptView> views = new ArrayList<>();
        attempts.find(Filters.and(Filters.eq("status", AttemptStatus.AWAITING_GRADING.name()),
                        Filters.eq("kind", AssessmentKind.RUBRIC.name())))
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
                d.getString("gradedBy"), d.getInteger("minPeers") == null ? null
                        : d.getList("ratedBy", String.class, List.of()).size(),
                d.getInteger("minPeers"));
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
