package dev.competency.assessments.attempt.web;

import dev.competency.assessments.access.AssessmentAccessPolicy;
import dev.competency.assessments.assessment.domain.AssessmentStatus;
import dev.competency.assessments.assessment.domain.PublishedAssessment;
import dev.competency.assessments.assessment.query.AssessmentCatalogue;
import dev.competency.assessments.assessment.query.AssessmentCatalogue.AssessmentView;
import dev.competency.assessments.attempt.domain.GradeAttempt;
import dev.competency.assessments.attempt.domain.ItemResponse;
import dev.competency.assessments.attempt.domain.RatePeer;
import dev.competency.assessments.attempt.domain.RateSelf;
import dev.competency.assessments.attempt.domain.RecordObservation;
import dev.competency.assessments.attempt.domain.RegradeQuiz;
import dev.competency.assessments.attempt.domain.SaveResponses;
import dev.competency.assessments.attempt.domain.StartAttempt;
import dev.competency.assessments.attempt.domain.SubmitAttempt;
import dev.competency.assessments.attempt.domain.WithdrawAttempt;
import dev.competency.assessments.attempt.query.AttemptBoard;
import dev.competency.assessments.attempt.query.AttemptBoard.AttemptView;
import dev.competency.platform.service.axon.ReadYourWrites;
import dev.competency.platform.service.error.Refusal;
import dev.competency.platform.service.security.AccessDenied;
import dev.competency.platform.service.security.AllowedRoles;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.security.Role;
import dev.competency.platform.service.web.ResourceNotFound;
import dev.competency.platform.service.web.SingleLine;
import dev.competency.platform.service.web.ValidLearnerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Attempts: learners start, answer and submit; assessors grade (and regrade), observe and withdraw; learners and
 * their assessors read results; assessors work through the grading queue of their organisation unit.
 */
@RestController
class AttemptController {

    static final int ID_MAX = 128;
    static final int TEXT_MAX = 2_000;
    static final int MAX_ENTRIES = 500;
    static final int MAX_PEERS = 50;

    private final CommandGateway commands;
    private final AssessmentCatalogue assessments;
    private final AttemptBoard attempts;
    private final AssessmentAccessPolicy access;
    private final ReadYourWrites readYourWrites;

    AttemptController(CommandGateway commands, AssessmentCatalogue assessments, AttemptBoard attempts,
                      AssessmentAccessPolicy access, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.assessments = assessments;
        this.attempts = attempts;
        this.access = access;
        this.readYourWrites = readYourWrites;
    }

    /** Answers by item id; each answer's text is limited by the attempt's rules. */
    record Responses(@Size(max = MAX_ENTRIES) Map<@Size(max = ID_MAX) @SingleLine String, ItemResponse> responses) {
    }

    /** The level code chosen for each criterion, and a comment. */
    record Grading(@Size(max = MAX_ENTRIES)
                   Map<@Size(max = ID_MAX) @SingleLine String, @Size(max = ID_MAX) @SingleLine String> levels,
                   @Size(max = TEXT_MAX) String comment) {
    }

    /** Starting an attempt; {@code peers} nominates the peers of a PEER assessment (none: any peer may rate). */
    record Start(@Size(max = MAX_PEERS) List<@NotNull @ValidLearnerId String> peers) {
    }

    /** A quiz regrade: against the latest published version, with item credits set by the assessor, or both. */
    record Regrade(Boolean latestVersion,
                   @Size(max = MAX_ENTRIES) Map<@Size(max = ID_MAX) @SingleLine String, Double> credits,
                   @Size(max = TEXT_MAX) String reason) {
    }

    /** What a peer learns about their own rating: its anonymous id. */
    record PeerRatingReceipt(String attemptId, String ratingId) {
    }

    record Withdrawal(@Size(max = TEXT_MAX) String reason) {
    }

    record Observation(@NotNull @ValidLearnerId String learnerId,
                       @Size(max = MAX_ENTRIES) Map<@Size(max = ID_MAX) @SingleLine String, Boolean> marks,
                       Instant observedAt) {
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/assessments/{assessmentId}/attempts")
    @AllowedRoles(Role.LEARNER)
    ResponseEntity<AttemptView> start(@PathVariable String assessmentId,
                                      @Valid @RequestBody(required = false) Start request, Caller caller) {
        String learnerId = caller.subject();
        access.requireLearnerThemself(caller, learnerId);
        PublishedAssessment published = published(assessmentId);
        String attemptId = UUID.randomUUID().toString();
        StartAttempt start = new StartAttempt(attemptId, learnerId, published,
                attempts.countByLearnerAndAssessment(learnerId, assessmentId),
                request == null ? List.of() : request.peers());
        return ResponseEntity.created(URI.create("/api/assessments/attempts/" + attemptId))
                .body(written(attemptId, start));
    }

    @PutMapping("/api/assessments/attempts/{attemptId}/responses")
    @AllowedRoles(Role.LEARNER)
    AttemptView save(@PathVariable String attemptId, @Valid @RequestBody Responses request, Caller caller) {
        AttemptView attempt = view(attemptId);
        access.requireLearnerThemself(caller, attempt.learnerId());
        return written(attemptId, new SaveResponses(attemptId, caller.subject(), request.responses()));
    }

    @PostMapping("/api/assessments/attempts/{attemptId}/submission")
    @AllowedRoles(Role.LEARNER)
    AttemptView submit(@PathVariable String attemptId, Caller caller) {
        AttemptView attempt = view(attemptId);
        access.requireLearnerThemself(caller, attempt.learnerId());
        return written(attemptId, new SubmitAttempt(attemptId, caller.subject()));
    }

    @PostMapping("/api/assessments/attempts/{attemptId}/grading")
    @AllowedRoles({Role.ASSESSOR, Role.ADMIN})
    AttemptView grade(@PathVariable String attemptId, @Valid @RequestBody Grading request, Caller caller) {
        AttemptView attempt = view(attemptId);
        access.requireAssessorOf(caller, attempt.learnerId());
        return written(attemptId, new GradeAttempt(attemptId, caller.subject(), request.levels(), request.comment()));
    }

    /** A learner rates themself on a SELF assessment; rating again replaces the previous rating's evidence. */
    @PostMapping("/api/assessments/attempts/{attemptId}/self-rating")
    @AllowedRoles(Role.LEARNER)
    AttemptView rateSelf(@PathVariable String attemptId, @Valid @RequestBody Grading request, Caller caller) {
        AttemptView attempt = view(attemptId);
        access.requireLearnerThemself(caller, attempt.learnerId());
        return written(attemptId, new RateSelf(attemptId, caller.subject(), request.levels(), request.comment()));
    }

    /**
     * A peer rates a learner's PEER attempt. The answer carries only the rating's anonymous id: the peer sees no
     * results, and the learner never sees who rated.
     */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/assessments/attempts/{attemptId}/peer-ratings")
    ResponseEntity<PeerRatingReceipt> ratePeer(@PathVariable String attemptId, @Valid @RequestBody Grading request,
                                               Caller caller) {
        AttemptView attempt = view(attemptId);
        access.requirePeerOf(caller, attempt.learnerId());
        List<String> nominated = attempts.nominatedPeers(attemptId);
        if (!nominated.isEmpty() && !nominated.contains(caller.subject())) {
            throw new AccessDenied("Only the peers the learner nominated rate this attempt");
        }
        String ratingId = UUID.randomUUID().toString();
        RatePeer rating = new RatePeer(attemptId, ratingId, caller.subject(), request.levels(), request.comment());
        readYourWrites.afterWrite(() -> commands.sendAndWait(rating));
        return ResponseEntity.status(HttpStatus.CREATED).body(new PeerRatingReceipt(attemptId, ratingId));
    }

    /** Peer feedback the caller is asked for: attempts that nominate them, and open ones of their unit. */
    @GetMapping("/api/assessments/peer-requests")
    List<AttemptBoard.PeerRequest> peerRequests(Caller caller) {
        return attempts.peerRequests(caller.subject()).stream()
                .filter(request -> request.nominated() || access.sharesUnitWith(caller, request.learnerId()))
                .toList();
    }

    /** An assessor regrades a scored quiz attempt: corrected answer key (latest version) and/or item credits. */
    @PostMapping("/api/assessments/attempts/{attemptId}/regrade")
    @AllowedRoles({Role.ASSESSOR, Role.ADMIN})
    AttemptView regrade(@PathVariable String attemptId, @Valid @RequestBody Regrade request, Caller caller) {
        AttemptView attempt = view(attemptId);
        access.requireAssessorOf(caller, attempt.learnerId());
        PublishedAssessment corrected = Boolean.TRUE.equals(request.latestVersion())
                ? published(attempt.assessmentId()) : null;
        return written(attemptId, new RegradeQuiz(attemptId, caller.subject(), corrected, request.credits(),
                request.reason()));
    }

    @PostMapping("/api/assessments/attempts/{attemptId}/withdrawal")
    @AllowedRoles({Role.ASSESSOR, Role.ADMIN})
    AttemptView withdraw(@PathVariable String attemptId, @Valid @RequestBody Withdrawal request, Caller caller) {
        AttemptView attempt = view(attemptId);
        access.requireAssessorOf(caller, attempt.learnerId());
        return written(attemptId, new WithdrawAttempt(attemptId, caller.subject(), request.reason()));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/assessments/{assessmentId}/observations")
    @AllowedRoles({Role.ASSESSOR, Role.ADMIN})
    ResponseEntity<AttemptView> observe(@PathVariable String assessmentId, @Valid @RequestBody Observation request,
                                        Caller caller) {
        access.requireAssessorOf(caller, request.learnerId());
        String attemptId = UUID.randomUUID().toString();
        RecordObservation observation = new RecordObservation(attemptId, request.learnerId(),
                published(assessmentId), caller.subject(), false, request.marks(), request.observedAt());
        return ResponseEntity.created(URI.create("/api/assessments/attempts/" + attemptId))
                .body(written(attemptId, observation));
    }

    @GetMapping("/api/assessments/attempts/{attemptId}")
    AttemptView get(@PathVariable String attemptId, Caller caller) {
        AttemptView attempt = view(attemptId);
        access.requireReaderOfLearner(caller, attempt.learnerId());
        return attempt;
    }

    @GetMapping("/api/assessments/learners/{learnerId}/attempts")
    List<AttemptView> ofLearner(@PathVariable String learnerId, Caller caller) {
        access.requireReaderOfLearner(caller, learnerId);
        return attempts.byLearner(learnerId);
    }

    /** Attempts waiting for grading: an assessor sees those of learners in their unit, an admin all of them. */
    @GetMapping("/api/assessments/grading-queue")
    List<AttemptView> gradingQueue(Caller caller) {
        access.requireGradingQueueReader(caller);
        return attempts.gradingQueue().stream()
                .filter(attempt -> access.mayAssess(caller, attempt.learnerId()))
                .toList();
    }

    private PublishedAssessment published(String assessmentId) {
        AssessmentView assessment = assessments.find(assessmentId)
                .orElseThrow(() -> new ResourceNotFound("No assessment " + assessmentId));
        if (assessment.status() == AssessmentStatus.RETIRED) {
            throw Refusal.conflict("assessment " + assessmentId + " is retired");
        }
        if (assessment.published() == null) {
            throw Refusal.conflict("assessment " + assessmentId + " has not been published");
        }
        return assessment.published();
    }

    /** Sends a command, and answers from the read model once it shows what the command stored. */
    private AttemptView written(String attemptId, Object command) {
        readYourWrites.afterWrite(() -> commands.sendAndWait(command));
        return view(attemptId);
    }

    private AttemptView view(String attemptId) {
        return attempts.find(attemptId).orElseThrow(() -> new ResourceNotFound("No attempt " + attemptId));
    }
}
