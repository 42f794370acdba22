package dev.competency.learners.learner.web;

import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.learners.access.LearnerAccessPolicy;
import dev.competency.learners.catalogue.query.PolicyTranslator;
import dev.competency.learners.mastery.Evidence;
import dev.competency.learners.mastery.MasteryFold;
import dev.competency.learners.mastery.MasteryPolicy;
import dev.competency.learners.mastery.SourceType;
import dev.competency.platform.service.error.Refusal;
import dev.competency.platform.service.security.AllowedRoles;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.security.Role;
import dev.competency.platform.service.web.SingleLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mastery fold as a stateless calculation: a policy and scale in the contract's shape, scored evidence in, the
 * result with its explanation out. Nothing is stored. Every input the fold refuses is answered with 400 naming the
 * field: the request's own constraints, then the rules of the policy, the scale and each evidence item.
 */
@RestController
class CalculatorController {

    private static final String DEFAULT_COMPETENCY = "competency";
    static final int MAX_EVIDENCE = 10_000;
    static final int ID_MAX = 128;

    private final LearnerAccessPolicy access;
    private final Clock clock;

    CalculatorController(LearnerAccessPolicy access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @PostMapping("/api/learners/mastery/calculate")
    @AllowedRoles({Role.LEARNER, Role.MANAGER, Role.ASSESSOR, Role.AUTHOR, Role.ANALYST, Role.ADMIN})
    MasteryView calculate(@Valid @RequestBody CalculationRequest request, Caller caller) {
        access.requireCanCalculate(caller);
        String competencyId = request.competencyId() == null ? DEFAULT_COMPETENCY : request.competencyId();
        MasteryPolicy policy;
        try {
            policy = PolicyTranslator.translate(request.policy(), request.scale());
        } catch (IllegalArgumentException e) {
            // The fold's own checks of a policy: their messages name the parameter.
            throw Refusal.invalid("policy is not valid: " + e.getMessage());
        }
        Instant now = clock.instant();
        List<Evidence> evidence = new ArrayList<>();
        List<EvidenceInput> inputs = request.evidence() == null ? List.of() : request.evidence();
        for (int i = 0; i < inputs.size(); i++) {
            EvidenceInput in = inputs.get(i);
            try {
                evidence.add(new Evidence(in.evidenceId() == null ? "evidence-" + (i + 1) : in.evidenceId(),
                        competencyId, in.score(), in.sourceType(), in.actorId() == null ? "unknown" : in.actorId(),
                        in.occurredAt(), in.recordedAt() == null ? in.occurredAt() : in.recordedAt(),
                        in.ratedLevel(), Boolean.TRUE.equals(in.voided())));
            } catch (IllegalArgumentException e) {
                // The fold's own checks of an item (score range, blank ids).
                throw Refusal.invalid("evidence[" + i + "] is not valid: " + e.getMessage());
            }
        }
        Instant asOf = request.asOf() == null ? now : request.asOf();
        Instant knownAt = request.knownAt() == null ? Instant.MAX : request.knownAt();
        return MasteryView.of(null, null,
                MasteryFold.fold(competencyId, policy, evidence, Set.of(), asOf, knownAt), 0, 0);
    }

    /**
     * @param asOf    valid time to compute at; default now
     * @param knownAt record time; default everything given
     */
    record CalculationRequest(@Size(max = ID_MAX) @SingleLine String competencyId,
                              @NotNull FrameworkPublished.MasteryPolicy policy,
                              @NotNull FrameworkPublished.ProficiencyScale scale,
                              @Size(max = MAX_EVIDENCE) List<@NotNull @Valid EvidenceInput> evidence, Instant asOf,
                              Instant knownAt) {
    }

    /**
     * One scored item; score, sourceType and occurredAt are required, evidenceId, actorId and recordedAt optional
     * (recordedAt defaults to occurredAt).
     */
    record EvidenceInput(@Size(max = ID_MAX) @SingleLine String evidenceId, double score,
                         @NotNull SourceType sourceType, @Size(max = ID_MAX) @SingleLine String actorId,
                         @NotNull Instant occurredAt, Instant recordedAt,
                         @Size(max = ID_MAX) @SingleLine String ratedLevel, Boolean voided) {
    }
}
