package dev.competency.learners.policy.web;

import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.learners.access.LearnerAccessPolicy;
import dev.competency.learners.catalogue.query.CataloguePolicies;
import dev.competency.learners.policy.PolicyPreview;
import dev.competency.learners.policy.Recomputations;
import dev.competency.platform.service.error.Refusal;
import dev.competency.platform.service.security.AllowedRoles;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.security.Role;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Policy changes: preview a framework version's effect before publishing it, and follow recomputations. */
@RestController
class PolicyController {

    private final LearnerAccessPolicy access;
    private final PolicyPreview preview;
    private final Recomputations recomputations;

    PolicyController(LearnerAccessPolicy access, PolicyPreview preview, Recomputations recomputations) {
        this.access = access;
        this.preview = preview;
        this.recomputations = recomputations;
    }

    /**
     * The body is the candidate framework version in the shape of {@code framework.published}. Authors and admins
     * may ask, whatever the body: roles are checked before it is read. Authors see the same changes without the
     * learners' ids: what a policy would do, not to whom.
     */
    @PostMapping("/api/learners/admin/policy-preview")
    @AllowedRoles({Role.ADMIN, Role.AUTHOR})
    PolicyPreview.Preview preview(@RequestBody FrameworkPublished candidate, Caller caller) {
        access.requireCanPreviewPolicy(caller);
        try {
            CataloguePolicies.policiesOf(candidate);
        } catch (IllegalArgumentException e) {
            // The fold's own checks of each competency's policy and scale: their messages name the parameter.
            throw Refusal.invalid("The candidate's policies are not valid: " + e.getMessage());
        }
        PolicyPreview.Preview result = preview.preview(candidate);
        return access.seesLearnersInPolicyPreview(caller) ? result : result.withoutLearners();
    }

    @GetMapping("/api/learners/admin/recomputations")
    List<Recomputations.Job> recomputations(Caller caller) {
        access.requireAdmin(caller);
        return recomputations.jobs();
    }
}
