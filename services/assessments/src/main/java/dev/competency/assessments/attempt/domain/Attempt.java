package dev.competency.assessments.attempt.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.competency.assessments.assessment.domain.AssessmentKind;
import dev.competency.assessments.assessment.domain.PublishedAssessment;
import dev.competency.assessments.evidence.domain.EvidenceIds;
import dev.competency.assessments.evidence.domain.EvidenceItem;
import dev.competency.assessments.evidence.domain.EvidenceRevocation;
import dev.competency.contracts.evidence.ActorKind;
import dev.competency.contracts.evidence.SourceType;
import dev.competency.platform.service.error.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A learner's attempt at one published assessment version: started, answers saved, submitted (or timed out), then
 * scored automatically (quiz), graded by an assessor (rubric), rated by the learner themself (self-assessment) or by
 * enough peers (peer feedback), each scoring or grading giving one piece of evidence per aligned competency. A
 * regrade revokes the previous revision's evidence and records new evidence; evidence ids derive from
 * (attempt, competency, revision), so doing the same grading again yields the same ids.
 */
@Aggregate
public class Attempt {

    static final String TIME_LIMIT = "attempt-time-limit";
    static final String QUIZ_SCORER = "assessments-quiz-scorer";
    /** The actor of peer evidence: the peers as a group, never one of them. */
    static final String PEERS = "anonymous-peers";

    @AggregateIdentifier
    private String attemptId;
    private String learnerId;
    private PublishedAssessment assessment;
    private Instant deadline;
    private AttemptStatus status;
    private final Map<String, ItemResponse> responses = new HashMap<>();
    private Instant submittedAt;
    private int revision;
    private Map<String, String> gradedLevels;
    private List<EvidenceItem> evidence = List.of();
    private List<String> nominatedPeers = List.of();
    private final Map<String, PeerRated> peerRatings = new LinkedHashMap<>();
    private Map<String, Double> credits = Map.of();

    protected Attempt() {
        // for Axon
    }

    @CommandHandler
    Attempt(StartAttempt command, Clock clock, DeadlineManager deadlines) {
        PublishedAssessment published = command.assessment();
        if (command.learnerId() == null || command.learnerId().isBlank()) {
            throw Refusal.invalid("learnerId is required");
        }
        if (published == null) {
            throw Refusal.invalid("a published assessment is required");
        }
        if (published.kind() == AssessmentKind.OBSERVATION) {
            throw Refusal.invalid("OBSERVATION assessments are recorded by assessors, not attempted");
        }
        if (published.kind() != AssessmentKind.PEER && !command.nominatedPeers().isEmpty()) {
            throw Refusal.invalid("peers are nominated for PEER assessments only");
        }
        if (command.nominatedPeers().contains(command.learnerId())) {
            throw Refusal.invalid("a learner cannot nominate themself as a peer");
        }
        Integer maxAttempts = published.definition().maxAttempts();
        if (maxAttempts != null && command.attemptsSoFar() >= maxAttempts) {
            throw Refusal.conflict("the learner has used all " + maxAttempts + " attempts at assessment "
                    + published.assessmentId());
        }
        Instant startedAt = clock.instant();
        boolean timed = published.kind() == AssessmentKind.QUIZ || published.kind() == AssessmentKind.RUBRIC;
        Duration limit = timed ? published.definition().timeLimitDuration() : null;
        Instant deadline = limit == null ? null : startedAt.plus(limit);
        apply(new AttemptStarted(command.attemptId(), command.learnerId(), published, command.attemptsSoFar() + 1,
                startedAt, deadline, command.nominatedPeers().stream().distinct().toList()));
        if (deadline != null) {
            deadlines.schedule(deadline, TIME_LIMIT);
        }
    }

    @CommandHandler
    Attempt(RecordObservation command, Clock clock) {
        PublishedAssessment published = command.assessment();
        if (published == null || published.kind() != AssessmentKind.OBSERVATION) {
            throw Refusal.invalid("an observation is recorded against a published OBSERVATION"
                    + " assessment");
        }
        if (command.observedAt() == null || command.observedAt().isAfter(clock.instant())) {
            throw Refusal.invalid("observedAt is required and must not be in the future");
        }
        List<CompetencyResult> results = Scoring.checklist(published.definition(),
                command.marks() == null ? Map.of() : command.marks());
        double overall = Scoring.overall(published.definition(), results);
        List<EvidenceItem> recorded = evidence(command.attemptId(), command.learnerId(), published, results, 1,
                SourceType.OBSERVATION, command.observerId(),
                command.observerIsManager() ? ActorKind.MANAGER : ActorKind.ASSESSOR, command.observedAt(),
                clock.instant(), null);
        apply(new ObservationRecorded(command.attemptId(), command.learnerId(), published, command.observerId(),
                Map.copyOf(command.marks()), command.observedAt(), results, overall,
                overall >= published.definition().passMark(), recorded));
    }

    @CommandHandler
    void handle(SaveResponses command, Clock clock) {
        requireLearner(command.learnerId());
        requireKind(AssessmentKind.QUIZ, AssessmentKind.RUBRIC);
        if (status != AttemptStatus.STARTED) {
            throw Refusal.conflict("attempt " + attemptId + " was already handed in");
        }
        Instant now = clock.instant();
        if (deadline != null && now.isAfter(deadline) && !assessment.definition().acceptLate()) {
            throw Refusal.conflict("the time limit of attempt " + attemptId + " passed at " + deadline);
        }
        if (command.responses() == null || command.responses().isEmpty()) {
            throw Refusal.invalid("responses must answer at least one item");
        }
        command.responses().forEach((itemId, response) -> {
            if (response == null) {
                throw Refusal.invalid("the response to " + itemId + " is empty");
            }
            if (response.text() != null && response.text().length() > ItemResponse.TEXT_MAX) {
                throw Refusal.invalid("the text of the response to " + itemId + " must be at most "
                        + ItemResponse.TEXT_MAX + " characters but has " + response.text().length());
            }
            if (response.choices().size() > ItemResponse.MAX_CHOICES
                    || response.choices().stream().anyMatch(choice -> choice.length() > ItemResponse.ID_MAX)) {
                throw Refusal.invalid("the response to " + itemId + " names at most " + ItemResponse.MAX_CHOICES
                        + " options of at most " + ItemResponse.ID_MAX + " characters each");
            }
        });
        if (assessment.kind() == AssessmentKind.QUIZ) {
            for (String itemId : command.responses().keySet()) {
                if (assessment.definition().items().stream().noneMatch(i -> i.itemId().equals(itemId))) {
                    throw Refusal.invalid(itemId + " is not an item of this assessment");
                }
            }
        }
        apply(new ResponsesSaved(attemptId, Map.copyOf(command.responses()), now));
    }

    @CommandHandler
    void handle(SubmitAttempt command, Clock clock) {
        requireLearner(command.learnerId());
        requireKind(AssessmentKind.QUIZ, AssessmentKind.RUBRIC);
        if (status != AttemptStatus.STARTED) {
            throw Refusal.conflict("attempt " + attemptId + " was already handed in");
        }
        Instant now = clock.instant();
        boolean late = deadline != null && now.isAfter(deadline);
        if (late && !assessment.definition().acceptLate()) {
            timeOut(now);
            return;
        }
        apply(new AttemptSubmitted(attemptId, now, late));
        if (assessment.kind() == AssessmentKind.QUIZ) {
            score(now);
        }
    }

    /** Deadline handlers get no injected resources: the instant the time limit fired stands in for the clock. */
    @DeadlineHandler(deadlineName = TIME_LIMIT)
    void onTimeLimit(@Timestamp Instant firedAt) {
        if (status == AttemptStatus.STARTED && !assessment.definition().acceptLate()) {
            timeOut(firedAt);
        }
    }

    @CommandHandler
    void handle(GradeAttempt command, Clock clock) {
        if (assessment.kind() != AssessmentKind.RUBRIC) {
            throw Refusal.conflict("attempt " + attemptId + " is a " + assessment.kind()
                    + " attempt and is not graded by an assessor");
        }
        if (status != AttemptStatus.AWAITING_GRADING && status != AttemptStatus.GRADED) {
            throw Refusal.conflict("attempt " + attemptId + " is " + status + " and cannot be graded");
        }
        if (command.assessorId() == null) {
            throw Refusal.invalid("assessorId is required");
        }
        Map<String, String> levels = command.levels() == null ? Map.of() : Map.copyOf(command.levels());
        if (status == AttemptStatus.GRADED && levels.equals(gradedLevels)) {
            return;
        }
        List<CompetencyResult> results = Scoring.rubric(assessment.definition(), levels);
        double overall = Scoring.overall(assessment.definition(), results);
        Instant now = clock.instant();
        int next = revision + 1;
        List<EvidenceRevocation> revoked = revoke(now, command.assessorId(), ActorKind.ASSESSOR,
                "attempt " + attemptId + " was regraded (revision " + next + ")");
        List<EvidenceItem> recorded = evidence(attemptId, learnerId, assessment, results, next,
                SourceType.ASSESSMENT, command.assessorId(), ActorKind.ASSESSOR, submittedAt, now, null);
        apply(new AttemptGraded(attemptId, next, command.assessorId(), levels, command.comment(), results, overall,
                overall >= assessment.definition().passMark(), recorded, revoked));
    }

    @CommandHandler
    void handle(RateSelf command, Clock clock) {
        requireLearner(command.learnerId());
        requireKind(AssessmentKind.SELF);
        if (status != AttemptStatus.STARTED && status != AttemptStatus.GRADED) {
            throw Refusal.conflict("attempt " + attemptId + " is " + status + " and cannot be rated");
        }
        Map<String, String> levels = command.levels() == null ? Map.of() : Map.copyOf(command.levels());
        if (status == AttemptStatus.GRADED && levels.equals(gradedLevels)) {
            return;
        }
        List<CompetencyResult> results = Scoring.rubric(assessment.definition(), levels);
        double overall = Scoring.overall(assessment.definition(), results);
        Instant now = clock.instant();
        if (status == AttemptStatus.STARTED) {
            apply(new AttemptSubmitted(attemptId, now, false));
        }
        int next = revision + 1;
        List<EvidenceRevocation> revoked = revoke(now, learnerId, ActorKind.LEARNER,
                "the learner rated themself again (revision " + next + ")");
        List<EvidenceItem> recorded = evidence(attemptId, learnerId, assessment, results, next, SourceType.SELF,
                learnerId, ActorKind.LEARNER, now, now, null);
        apply(new AttemptGraded(attemptId, next, learnerId, levels, command.comment(), results, overall,
                overall >= assessment.definition().passMark(), recorded, revoked));
    }

    @CommandHandler
    void handle(RatePeer command, Clock clock) {
        requireKind(AssessmentKind.PEER);
        if (status != AttemptStatus.STARTED && status != AttemptStatus.GRADED) {
            throw Refusal.conflict("attempt " + attemptId + " is " + status + " and takes no more ratings");
        }
        if (command.peerId() == null || command.ratingId() == null) {
            throw Refusal.invalid("peerId and ratingId are required");
        }
        if (command.peerId().equals(learnerId)) {
            throw Refusal.forbidden("a learner does not rate their own peer feedback");
        }
        if (!nominatedPeers.isEmpty() && !nominatedPeers.contains(command.peerId())) {
            throw Refusal.forbidden("only the nominated peers rate attempt " + attemptId);
        }
        if (peerRatings.containsKey(command.peerId())) {
            throw Refusal.conflict("this peer already rated attempt " + attemptId);
        }
        Map<String, String> levels = command.levels() == null ? Map.of() : Map.copyOf(command.levels());
        List<CompetencyResult> rated = Scoring.rubric(assessment.definition(), levels);
        Instant now = clock.instant();
        apply(new PeerRated(attemptId, command.ratingId(), command.peerId(), levels, command.comment(), now, rated));
        int required = assessment.definition().peersRequired();
        if (peerRatings.size() < required) {
            return;
        }
        List<CompetencyResult> results = Scoring.mean(peerRatings.values().stream().map(PeerRated::results)
                .toList());
        double overall = Scoring.overall(assessment.definition(), results);
        List<String> ratingIds = peerRatings.values().stream().map(PeerRated::ratingId).sorted().toList();
        int next = revision + 1;
        List<EvidenceRevocation> revoked = revoke(now, PEERS, ActorKind.PEER,
                "another peer rated attempt " + attemptId + " (revision " + next + ")");
        List<EvidenceItem> recorded = evidence(attemptId, learnerId, assessment, results, next, SourceType.PEER,
                PEERS, ActorKind.PEER, now, now, "Mean of " + ratingIds.size() + " peer ratings: "
                        + String.join(", ", ratingIds));
        apply(new PeerFeedbackCounted(attemptId, next, ratingIds, results, overall,
                overall >= assessment.definition().passMark(), recorded, revoked));
    }

    @CommandHandler
    void handle(RegradeQuiz command, Clock clock) {
        requireKind(AssessmentKind.QUIZ);
        if (status != AttemptStatus.SCORED) {
            throw Refusal.conflict("attempt " + attemptId + " is " + status + " and cannot be regraded");
        }
        if (command.assessorId() == null) {
            throw Refusal.invalid("assessorId is required");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw Refusal.invalid("a reason is required to regrade an attempt");
        }
        PublishedAssessment version = assessment;
        PublishedAssessment corrected = command.correctedVersion();
        if (corrected != null && corrected.version() != assessment.version()) {
            if (!corrected.assessmentId().equals(assessment.assessmentId())
                    || corrected.kind() != AssessmentKind.QUIZ || corrected.version() < assessment.version()) {
                throw Refusal.invalid("a regrade uses a later version of the same quiz");
            }
            version = corrected;
        }
        Map<String, Double> allCredits = new HashMap<>(credits);
        if (command.credits() != null) {
            allCredits.putAll(command.credits());
        }
        List<CompetencyResult> results = Scoring.quiz(version.definition(), responses, allCredits);
        if (version == assessment && allCredits.equals(credits)) {
            return;
        }
        double overall = Scoring.overall(version.definition(), results);
        Instant now = clock.instant();
        int next = revision + 1;
        List<EvidenceRevocation> revoked = revoke(now, command.assessorId(), ActorKind.ASSESSOR,
                "attempt " + attemptId + " was regraded (revision " + next + "): " + command.reason());
        List<EvidenceItem> recorded = evidence(attemptId, learnerId, version, results, next, SourceType.ASSESSMENT,
                command.assessorId(), ActorKind.ASSESSOR, submittedAt, now, null);
        apply(new AttemptRegraded(attemptId, next, command.assessorId(), command.reason(), version,
                Map.copyOf(allCredits), results, overall, overall >= version.definition().passMark(), recorded,
                revoked));
    }

    @CommandHandler
    void handle(WithdrawAttempt command, Clock clock) {
        if (status == AttemptStatus.WITHDRAWN) {
            return;
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw Refusal.invalid("a reason is required to withdraw an attempt");
        }
        if (status != AttemptStatus.SCORED && status != AttemptStatus.GRADED) {
            throw Refusal.conflict("attempt " + attemptId + " has no evidence to withdraw");
        }
        apply(new AttemptWithdrawn(attemptId, command.actorId(), command.reason(),
                revoke(clock.instant(), command.actorId(), ActorKind.ASSESSOR, command.reason())));
    }

    private void timeOut(Instant now) {
        apply(new AttemptTimedOut(attemptId, deadline, now));
        if (assessment.kind() == AssessmentKind.QUIZ) {
            score(now);
        }
    }

    private void score(Instant now) {
        List<CompetencyResult> results = Scoring.quiz(assessment.definition(), responses, Map.of());
        double overall = Scoring.overall(assessment.definition(), results);
        List<EvidenceItem> recorded = evidence(attemptId, learnerId, assessment, results, revision + 1,
                SourceType.ASSESSMENT, QUIZ_SCORER, ActorKind.SYSTEM, submittedAt, now, null);
        apply(new AttemptScored(attemptId, revision + 1, results, overall,
                overall >= assessment.definition().passMark(), recorded, List.of()));
    }

    private List<EvidenceRevocation> revoke(Instant now, String actorId, ActorKind actorKind, String reason) {
        return evidence.stream().map(item -> EvidenceRevocation.of(item, now, actorId, actorKind, reason)).toList();
    }

    private static List<EvidenceItem> evidence(String attemptId, String learnerId, PublishedAssessment assessment,
                                               List<CompetencyResult> results, int revision, SourceType source,
                                               String actorId, ActorKind actorKind, Instant occurredAt,
                                               Instant recordedAt, String reason) {
        return results.stream().map(result -> new EvidenceItem(
                EvidenceIds.forAttempt(attemptId, result.competencyId(), revision), learnerId,
                result.competencyId(), assessment.frameworkId(), assessment.frameworkVersion(), result.score(),
                result.rawScore(), result.maxScore(), source, actorId, actorKind, occurredAt, recordedAt,
                assessment.assessmentId(), attemptId, null, revision, null, null, reason)).toList();
    }

    private void requireKind(AssessmentKind... kinds) {
        if (!List.of(kinds).contains(assessment.kind())) {
            throw Refusal.conflict("attempt " + attemptId + " is a " + assessment.kind()
                    + " attempt; this does not apply to it");
        }
    }

    private void requireLearner(String caller) {
        if (!Objects.equals(caller, learnerId)) {
            throw Refusal.forbidden("attempt " + attemptId + " belongs to another learner");
        }
    }

    @EventSourcingHandler
    void on(AttemptStarted event) {
        attemptId = event.attemptId();
        learnerId = event.learnerId();
        assessment = event.assessment();
        deadline = event.deadline();
        status = AttemptStatus.STARTED;
        nominatedPeers = event.nominatedPeers() == null ? List.of() : event.nominatedPeers();
    }

    @EventSourcingHandler
    void on(ObservationRecorded event) {
        attemptId = event.attemptId();
        learnerId = event.learnerId();
        assessment = event.assessment();
        submittedAt = event.observedAt();
        status = AttemptStatus.GRADED;
        revision = 1;
        evidence = event.recordedEvidence();
    }

    @EventSourcingHandler
    void on(ResponsesSaved event) {
        responses.putAll(event.responses());
    }

    @EventSourcingHandler
    void on(AttemptSubmitted event) {
        submittedAt = event.submittedAt();
        status = AttemptStatus.AWAITING_GRADING;
    }

    @EventSourcingHandler
    void on(AttemptTimedOut event) {
        submittedAt = event.deadline();
        status = AttemptStatus.AWAITING_GRADING;
    }

    @EventSourcingHandler
    void on(AttemptScored event) {
        status = AttemptStatus.SCORED;
        revision = event.revision();
        evidence = event.recordedEvidence();
    }

    @EventSourcingHandler
    void on(AttemptGraded event) {
        status = AttemptStatus.GRADED;
        revision = event.revision();
        gradedLevels = event.levels();
        evidence = event.recordedEvidence();
    }

    @EventSourcingHandler
    void on(PeerRated event) {
        peerRatings.put(event.peerId(), event);
    }

    @EventSourcingHandler
    void on(PeerFeedbackCounted event) {
        status = AttemptStatus.GRADED;
        revision = event.revision();
        evidence = event.recordedEvidence();
    }

    @EventSourcingHandler
    void on(AttemptRegraded event) {
        assessment = event.assessment();
        credits = event.credits();
        revision = event.revision();
        evidence = event.recordedEvidence();
    }

    @EventSourcingHandler
    void on(AttemptWithdrawn event) {
        status = AttemptStatus.WITHDRAWN;
        evidence = List.of();
    }

    AttemptStatus status() {
        return status;
    }

    int revision() {
        return revision;
    }

    List<EvidenceItem> evidence() {
        return evidence;
    }
}
