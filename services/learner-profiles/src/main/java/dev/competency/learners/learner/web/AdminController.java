package dev.competency.learners.learner.web;

import dev.competency.learners.access.LearnerAccessPolicy;
import dev.competency.platform.service.axon.ReadModelRebuild;
import dev.competency.platform.service.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operations on the read models (admins only). */
@RestController
class AdminController {

    private final LearnerAccessPolicy access;
    private final ReadModelRebuild rebuild;

    AdminController(LearnerAccessPolicy access, ReadModelRebuild rebuild) {
        this.access = access;
        this.rebuild = rebuild;
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
}
