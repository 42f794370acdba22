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
import dev.competency.assessments.assessment.domain.PublishedAssessment;
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
import dev.competency.platform.service.id.CompetencyId;
import dev.competency.platform.service.id.LearnerId;
import dev.competency.platform.service.mongo.RecordCollections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
import org.bson.conversions.Bson;

/**
 * Attempts and their results: a learner's attempts, the grading queue, one attempt. Built by the read models'
 * tracking processor with sets keyed by attempt id, and rebuilt by replay.
 */
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class AttemptBoard {

    static final String COLLECTION = "attempts";

    private final MongoCollection<StoredAttempt> attempts;

    public AttemptBoard(MongoDatabase database) {
        this.attempts = RecordCollections.collection(database, COLLECTION, StoredAttempt.class);
        createIndexes();
    }

    /** An attempt in {@code attempts}, set field by field as its events arrive (public for the record codec). */
    public record StoredAttempt(@BsonId String attemptId, @BsonProperty(ASSESSMENT_ID) String assessmentId,
                                @BsonProperty(ASSESSMENT_VERSION) Integer assessmentVersion,
                                @BsonProperty(KIND) AssessmentKind kind,
                                @BsonProperty(LEARNER_ID) LearnerId learnerId,
                                @BsonProperty(STATUS) AttemptStatus status,
                                @BsonProperty(ATTEMPT_NUMBER) Integer attemptNumber,
                                @BsonProperty(STARTED_AT) Instant startedAt, @BsonProperty(DEADLINE) Instant deadline,
                                @BsonProperty(SAVED_AT) Instant savedAt,
                                @BsonProperty(SUBMITTED_AT) Instant submittedAt, @BsonProperty(LATE) Boolean late,
                                @BsonProperty(TIMED_OUT) Boolean timedOut, @BsonProperty(REVISION) Integer revision,
                                @BsonProperty(NOMINATED_PEERS) List<LearnerId> nominatedPeers,
                                @BsonProperty(MIN_PEERS) Integer minPeers,
                                @BsonProperty(OVERALL_SCORE) Double overallScore,
                                @BsonProperty(PASSED) Boolean passed,
                                @BsonProperty(RESULTS) List<StoredResult> results,
                                @BsonProperty(GRADED_BY) String gradedBy,
                                @BsonProperty(RATED_BY) List<LearnerId> ratedBy) {
        static final String ASSESSMENT_ID = "assessmentId";
        static final String ASSESSMENT_VERSION = "assessmentVersion";
        static final String KIND = "kind";
        static final String LEARNER_ID = "learnerId";
        static final String STATUS = "status";
        static final String ATTEMPT_NUMBER = "attemptNumber";
        static final String STARTED_AT = "startedAt";
        static final String DEADLINE = "deadline";
        static final String SAVED_AT = "savedAt";
        static final String SUBMITTED_AT = "submittedAt";
        static final String LATE = "late";
        static final String TIMED_OUT = "timedOut";
        static final String REVISION = "revision";
        static final String NOMINATED_PEERS = "nominatedPeers";
        static final String MIN_PEERS = "minPeers";
        static final String OVERALL_SCORE = "overallScore";
        static final String PASSED = "passed";
        static final String RESULTS = "results";
        static final String GRADED_BY = "gradedBy";
        static final String RATED_BY = "ratedBy";

        public StoredAttempt {
            nominatedPeers = nominatedPeers == null ? List.of() : nominatedPeers;
            results = results == null ? List.of() : results;
            ratedBy = ratedBy == null ? List.of() : ratedBy;
        }

        AttemptView view() {
            return new AttemptView(attemptId, assessmentId, orZero(assessmentVersion), kind == null ? null
                    : kind.name(), learnerId == null ? null : learnerId.value(), status, orZero(attemptNumber),
                    startedAt, deadline, submittedAt, Boolean.TRUE.equals(late), Boolean.TRUE.equals(timedOut),
                    orZero(revision), overallScore, passed, results.stream().map(StoredResult::view).toList(),
                    gradedBy, minPeers == null ? null : ratedBy.size(), minPeers);
        }

        private static int orZero(Integer value) {
            return value == null ? 0 : value;
        }
    }

    public record StoredResult(CompetencyId competencyId, double rawScore, double maxScore, double score) {

        CompetencyResultView view() {
            return new CompetencyResultView(competencyId.value(), rawScore, maxScore, score);
        }
    }

    private void createIndexes() {
        attempts.createIndex(Indexes.ascending(StoredAttempt.LEARNER_ID, StoredAttempt.ASSESSMENT_ID),
                new IndexOptions().name("by_learner"));
        attempts.createIndex(Indexes.ascending(StoredAttempt.STATUS, StoredAttempt.SUBMITTED_AT),
                new IndexOptions().name("grading_queue"));
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
                begun(event.assessment(), event.learnerId(), event.attemptNumber(), event.startedAt()),
                Updates.set(StoredAttempt.STATUS, AttemptStatus.STARTED),
                Updates.set(StoredAttempt.DEADLINE, event.deadline()),
                Updates.set(StoredAttempt.REVISION, 0),
                Updates.set(StoredAttempt.NOMINATED_PEERS,
                        event.nominatedPeers() == null ? List.of() : event.nominatedPeers()),
                Updates.set(StoredAttempt.MIN_PEERS, event.assessment().kind() == AssessmentKind.PEER
                        ? event.assessment().definition().peersRequired() : null)), new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(ObservationRecorded event) {
        update(event.attemptId(), Updates.combine(
                begun(event.assessment(), event.learnerId(), 1, event.observedAt()),
                Updates.set(StoredAttempt.SUBMITTED_AT, event.observedAt()),
                graded(AttemptStatus.GRADED, 1, event.overallScore(), event.passed(), event.results(),
                        event.observerId())), new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(ResponsesSaved event) {
        update(event.attemptId(), Updates.set(StoredAttempt.SAVED_AT, event.savedAt()));
    }

    @EventHandler
    void on(AttemptSubmitted event) {
        update(event.attemptId(), Updates.combine(
                Updates.set(StoredAttempt.STATUS, AttemptStatus.AWAITING_GRADING),
                Updates.set(StoredAttempt.SUBMITTED_AT, event.submittedAt()),
                Updates.set(StoredAttempt.LATE, event.late())));
    }

    @EventHandler
    void on(AttemptTimedOut event) {
        update(event.attemptId(), Updates.combine(
                Updates.set(StoredAttempt.STATUS, AttemptStatus.AWAITING_GRADING),
                Updates.set(StoredAttempt.SUBMITTED_AT, event.deadline()),
                Updates.set(StoredAttempt.TIMED_OUT, true)));
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
        update(event.attemptId(), Updates.addToSet(StoredAttempt.RATED_BY, event.peerId()));
    }

    @EventHandler
    void on(PeerFeedbackCounted event) {
        update(event.attemptId(), graded(AttemptStatus.GRADED, event.revision(), event.overallScore(),
                event.passed(), event.results(), null));
    }

    @EventHandler
    void on(AttemptRegraded event) {
        update(event.attemptId(), Updates.combine(
                Updates.set(StoredAttempt.ASSESSMENT_VERSION, event.assessment().version()),
                graded(AttemptStatus.SCORED, event.revision(), event.overallScore(), event.passed(), event.results(),
                        event.assessorId())));
    }

    @EventHandler
    void on(AttemptWithdrawn event) {
        update(event.attemptId(), Updates.set(StoredAttempt.STATUS, AttemptStatus.WITHDRAWN));
    }

    private void update(String attemptId, Bson update) {
        update(attemptId, update, new UpdateOptions());
    }

    private void update(String attemptId, Bson update, UpdateOptions options) {
        attempts.updateOne(Filters.eq("_id", attemptId), update, options);
    }

    private static Bson begun(PublishedAssessment assessment, String learnerId, int attemptNumber, Instant at) {
        return Updates.combine(Updates.set(StoredAttempt.ASSESSMENT_ID, assessment.assessmentId()),
                Updates.set(StoredAttempt.ASSESSMENT_VERSION, assessment.version()),
                Updates.set(StoredAttempt.KIND, assessment.kind()), Updates.set(StoredAttempt.LEARNER_ID, learnerId),
                Updates.set(StoredAttempt.ATTEMPT_NUMBER, attemptNumber), Updates.set(StoredAttempt.STARTED_AT, at));
    }

    private static Bson graded(AttemptStatus status, int revision, double overall, boolean passed,
                               List<CompetencyResult> results, String gradedBy) {
        List<StoredResult> stored = results.stream().map(r -> new StoredResult(new CompetencyId(r.competencyId()),
                r.rawScore(), r.maxScore(), r.score())).toList();
        return Updates.combine(Updates.set(StoredAttempt.STATUS, status), Updates.set(StoredAttempt.REVISION, revision),
                Updates.set(StoredAttempt.OVERALL_SCORE, overall), Updates.set(StoredAttempt.PASSED, passed),
                Updates.set(StoredAttempt.RESULTS, stored), Updates.set(StoredAttempt.GRADED_BY, gradedBy));
    }

    public Optional<AttemptView> find(String attemptId) {
        return stored(attemptId).map(StoredAttempt::view);
    }

    private Optional<StoredAttempt> stored(String attemptId) {
        return Optional.ofNullable(attempts.find(Filters.eq("_id", attemptId)).first());
    }

    public List<AttemptView> byLearner(String learnerId) {
        return attempts.find(Filters.eq(StoredAttempt.LEARNER_ID, learnerId))
                .sort(Sorts.ascending(StoredAttempt.STARTED_AT)).map(StoredAttempt::view).into(new ArrayList<>());
    }

    public int countByLearnerAndAssessment(String learnerId, String assessmentId) {
        return (int) attempts.countDocuments(Filters.and(Filters.eq(StoredAttempt.LEARNER_ID, learnerId),
                Filters.eq(StoredAttempt.ASSESSMENT_ID, assessmentId)));
    }

    /** The peers a learner nominated for a peer-feedback attempt (empty: any peer); never shown in views. */
    public List<String> nominatedPeers(String attemptId) {
        return stored(attemptId).map(attempt -> attempt.nominatedPeers().stream().map(LearnerId::value).toList())
                .orElse(List.of());
    }

    /**
     * Peer-feedback attempts still open that {@code peerId} may rate and has not rated: those that nominate them,
     * and those open to any peer. Oldest first.
     */
    public List<PeerRequest> peerRequests(String peerId) {
        LearnerId peer = new LearnerId(peerId);
        List<PeerRequest> requests = new ArrayList<>();
        attempts.find(Filters.and(Filters.eq(StoredAttempt.KIND, AssessmentKind.PEER),
                        Filters.in(StoredAttempt.STATUS, AttemptStatus.STARTED, AttemptStatus.GRADED)))
                .sort(Sorts.ascending(StoredAttempt.STARTED_AT)).forEach(attempt -> {
                    List<LearnerId> nominated = attempt.nominatedPeers();
                    boolean open = nominated.isEmpty() || nominated.contains(peer);
                    if (open && !peer.equals(attempt.learnerId()) && !attempt.ratedBy().contains(peer)) {
                        requests.add(new PeerRequest(attempt.attemptId(), attempt.assessmentId(),
                                attempt.learnerId().value(), attempt.startedAt(), !nominated.isEmpty()));
                    }
                });
        return requests;
    }

    /** Submitted rubric attempts waiting for an assessor, oldest submission first. */
    public List<AttemptView> gradingQueue() {
        return attempts.find(Filters.and(Filters.eq(StoredAttempt.STATUS, AttemptStatus.AWAITING_GRADING),
                        Filters.eq(StoredAttempt.KIND, AssessmentKind.RUBRIC)))
                .sort(Sorts.ascending(StoredAttempt.SUBMITTED_AT)).map(StoredAttempt::view).into(new ArrayList<>());
    }
}
