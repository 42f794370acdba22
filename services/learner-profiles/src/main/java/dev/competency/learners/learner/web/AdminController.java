package dev.competency.learners.learner.web;

import dev.competency.learners.access.LearnerAccessPolicy;
import dev.competency.learners.learner.query.ConsistencyCheck;
import dev.competency.platform.service.axon.ReadModelRebuild;
import dev.competency.platform.service.security.AllowedRoles;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.security.Role;
import dev.competency.platform.service.web.ResourceNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operations on the read models (admins only): rebuild, and a consistency check of one learner's. */
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

    @PostMapping("/api/learners/admin/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReadModelRebuild.Status rebuild(Caller caller) {
        access.requireAdmin(caller);
        return rebuild.rebuild();
    }

    @GetMapping("/api/learners/admin/rebuild")
    ReadModelRebuild.Status status(Caller caller) {
        access.requireAdmin(caller);
        return rebuild.status();
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
