package dev.competency.learners.learner.web;

import dev.competency.learners.access.LearnerAccessPolicy;
import dev.competency.learners.learner.query.ConsistencyCheck;
import dev.competency.platform.service.axon.ReadModelRebuild;
import dev.competency.platform.service.security.AllowedRoles;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.security.Role;
import dev.competency.platform.service.web.ResourceNotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A consistency check of one learner's read models (admins only). The rebuild lives beside it, at
 * {@code /api/learners/admin/rebuild}, served by the Axon starter's read-model controller.
 */
@RestController
class AdminController {

    private final LearnerAccessPolicy access;
    private final ReadModelRebuild rebuild;
    private final ConsistencyCheck consistency;

    AdminController(LearnerAccessPolicy access, ReadModelRebuild rebuild, ConsistencyCheck consistency) {
        this.access = access;
        this.rebuild = rebuild;
        this.consistency = consistency;
    }

    /**
     * Compares every read model of one learner with a fold of the learner's events from the event store, and lists
     * each difference. 404 when neither the event store nor any read model knows the learner.
     */
    @GetMapping("/api/learners/admin/consistency/{learnerId}")
    @AllowedRoles(Role.ADMIN)
    ConsistencyCheck.Report consistency(@PathVariable String learnerId, Caller caller) {
        access.requireAdmin(caller);
        boolean caughtUp = rebuild.status().caughtUp();
        ConsistencyCheck.Report report = consistency.check(learnerId, caughtUp);
        if (report.eventsRead() == 0 && report.consistent()) {
            throw new ResourceNotFound("No learner " + learnerId);
        }
        return report;
    }
}
