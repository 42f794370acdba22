package dev.competency.learners.learner.web;

import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.learners.access.LearnerAccessPolicy;
import dev.competency.learners.catalogue.query.PolicyTranslator;
import dev.competency.learners.mastery.Evidence;
import dev.competency.learners.mastery.MasteryFold;
import dev.competency.learners.mastery.MasteryPolicy;
import dev.competency.learners.mastery.SourceType;
import dev.competency.platform.service.security.Caller;
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
 * result with its explanation out. Nothing is stored.
 */
@RestController
class CalculatorController {

    private static final String DEFAULT_COMPETENCY = "competency";

    private final LearnerAccessPolicy access;
    private final Clock clock;

    CalculatorController(LearnerAccessPolicy access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @PostMapping("/api/learners/mastery/calculate")
    MasteryView calculate(@RequestBody CalculationRequest request, Caller caller) {
        access.requireCanCalculate(caller);
        if (request.policy() == null || request.scale() == null) {
            throw new IllegalArgumentException("policy and scale are required");
        }
        String competencyId = request.competencyId() == null ? DEFAULT_COMPETENCY : request.competencyId();
        MasteryPolicy policy = PolicyTranslator.translate(request.policy(), request.scale());
        Instant now = clock.instant();
        List<Evidence> evidence = new ArrayList<>();
        List<EvidenceInput> inputs = request.evidence() == null ? List.of() : request.evidence();
        for (int i = 0; i < inputs.size(); i++) {
            EvidenceInput in = inputs.get(i);
            if (in.sourceType() == null || in.occurredAt() == null) {
                throw new IllegalArgumentException("evidence[" + i + "] needs sourceType and occurredAt");
            }
            evidence.add(new Evidence(in.evidenceId() == null ? "evidence-" + (i + 1) : in.evidenceId(),
                    competencyId, in.score(), in.sourceType(), in.actorId() == null ? "unknown" : in.actorId(),
                    in.occurredAt(), in.recordedAt() == null ? in.occurredAt() : in.recordedAt(), in.ratedLevel(),
                    Boolean.TRUE.equals(in.voided())));
        }
        Instant asOf = request.asOf() == null ? now : request.asOf();
        Instant knownAt = request.knownAt() == null ? Instant.MAX : request.knownAt();
        return MasteryView.of(null, null,
                MasteryFold.fold(competencyId, policy, evidence, Set.of(), asOf, knownAt));
    }

    /**
     * @param asOf    valid time to compute at; default now
     * @param knownAt record time; default everything given
     */
    record CalculationRequest(String competencyId, FrameworkPublished.MasteryPolicy policy,
                              FrameworkPublished.ProficiencyScale scale, List<EvidenceInput> evidence, Instant asOf,
                              Instant knownAt) {
    }

    /** One scored item; evidenceId, actorId and recordedAt are optional (recordedAt defaults to occurredAt). */
    record EvidenceInput(String evidenceId, double score, SourceType sourceType, String actorId, Instant occurredAt,
                         Instant recordedAt, String ratedLevel, Boolean voided) {
    }
}
