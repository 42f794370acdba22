package dev.competency.assessments.attempt.query;

import static dev.competency.assessments.assessment.domain.Definitions.API;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import dev.competency.assessments.assessment.domain.AssessmentKind;
import dev.competency.assessments.assessment.domain.Definitions;
import dev.competency.assessments.assessment.domain.PublishedAssessment;
import dev.competency.assessments.attempt.domain.AttemptGraded;
import dev.competency.assessments.attempt.domain.AttemptStarted;
import dev.competency.assessments.attempt.domain.AttemptStatus;
import dev.competency.assessments.attempt.domain.AttemptSubmitted;
import dev.competency.assessments.attempt.domain.CompetencyResult;
import dev.competency.assessments.attempt.domain.PeerRated;
import dev.competency.assessments.attempt.query.AttemptBoard.AttemptView;
import dev.competency.assessments.attempt.query.AttemptBoard.CompetencyResultView;
import dev.competency.assessments.attempt.query.AttemptBoard.PeerRequest;
import dev.competency.platform.test.ScratchDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The board's documents keep the shape earlier releases wrote, and documents those releases wrote read back. */
class AttemptBoardStorageIT {

    private static final Instant STARTED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant SUBMITTED = Instant.parse("2026-12-01T10:30:00Z");

    private final ScratchDatabase scratch = ScratchDatabase.create("attempt-board");
    private final AttemptBoard board = new AttemptBoard(scratch.database());
    private final MongoCollection<Document> raw = scratch.database().getCollection(AttemptBoard.COLLECTION);

    @AfterEach
    void dropDatabase() {
        scratch.close();
    }

    @Test
    void storesTheDocumentShapeOfEarlierReleases_whenRubricAttemptIsGraded() {
        PublishedAssessment rubric = Definitions.published("as-1", AssessmentKind.RUBRIC, Definitions.rubric());
        board.on(new AttemptStarted("at-1", "learner-1", rubric, 1, STARTED, null));
        board.on(new AttemptSubmitted("at-1", SUBMITTED, false));
        board.on(new AttemptGraded("at-1", 1, "assessor-1", Map.of(), null,
                List.of(new CompetencyResult(API, 2, 4)), 0.5, true, List.of(), List.of()));

        assertThat(raw.find().first()).isEqualTo(new Document("_id", "at-1").append("assessmentId", "as-1")
                .append("assessmentVersion", 1).append("kind", "RUBRIC").append("learnerId", "learner-1")
                .append("status", "GRADED").append("attemptNumber", 1).append("startedAt", Date.from(STARTED))
                .append("deadline", null).append("revision", 1).append("nominatedPeers", List.of())
                .append("minPeers", null).append("submittedAt", Date.from(SUBMITTED)).append("late", false)
                .append("overallScore", 0.5).append("passed", true)
                .append("results", List.of(new Document("competencyId", API).append("rawScore", 2.0)
                        .append("maxScore", 4.0).append("score", 0.5)))
                .append("gradedBy", "assessor-1"));
        List<String> indexes = new ArrayList<>();
        raw.listIndexes().forEach(index -> indexes.add(index.getString("name")));
        assertThat(indexes).contains("by_learner", "grading_queue");
        assertThat(board.byLearner("learner-1")).extracting(AttemptView::results)
                .containsExactly(List.of(new CompetencyResultView(API, 2, 4, 0.5)));
    }

    @Test
    void keepsRatedPeersOutOfTheirRequests_whenPeerAttemptIsRated() {
        PublishedAssessment peer = Definitions.published("as-2", AssessmentKind.PEER, Definitions.peer(2));
        board.on(new AttemptStarted("at-2", "learner-2", peer, 1, STARTED, null, List.of("peer-1", "peer-2")));
        board.on(new PeerRated("at-2", "rating-1", "peer-1", Map.of(), null, SUBMITTED, List.of()));

        assertThat(raw.find().first().getList("ratedBy", String.class)).containsExactly("peer-1");
        assertThat(board.nominatedPeers("at-2")).containsExactly("peer-1", "peer-2");
        assertThat(board.peerRequests("peer-1")).isEmpty();
        assertThat(board.peerRequests("peer-3")).isEmpty();
        assertThat(board.peerRequests("peer-2")).containsExactly(new PeerRequest("at-2", "as-2", "learner-2",
                STARTED, true));
        assertThat(board.find("at-2").orElseThrow().peerRatings()).isEqualTo(1);
    }

    @Test
    void readsAttemptsStoredByEarlierReleases_whenFieldsAreNullOrAbsent() {
        raw.insertOne(new Document("_id", "at-old").append("assessmentId", "as-1").append("assessmentVersion", 1)
                .append("kind", "QUIZ").append("learnerId", "learner-9").append("status", "STARTED")
                .append("attemptNumber", 1).append("startedAt", Date.from(STARTED)).append("deadline", null)
                .append("revision", 0).append("minPeers", null));

        assertThat(board.find("at-old")).contains(new AttemptView("at-old", "as-1", 1, "QUIZ", "learner-9",
                AttemptStatus.STARTED, 1, STARTED, null, null, false, false, 0, null, null, List.of(), null, null,
                null));
        assertThat(board.nominatedPeers("at-old")).isEmpty();
    }
}
