package dev.competency.assessments.readmodel;

import dev.competency.assessments.access.AssessmentAccessPolicy;
import dev.competency.platform.service.axon.ReadModelRebuild;
import dev.competency.platform.service.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins drop and rebuild the read models from the event store, and watch the replay. */
@RestController
class ReadModelController {

    private final ReadModelRebuild rebuild;
    private final AssessmentAccessPolicy access;

    ReadModelController(ReadModelRebuild rebuild, AssessmentAccessPolicy access) {
        this.rebuild = rebuild;
        this.access = access;
    }

    @PostMapping("/api/assessments/admin/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReadModelRebuild.Status rebuild(Caller caller) {
        access.requireAdmin(caller);
        return rebuild.rebuild();
    }

    @GetMapping("/api/assessments/admin/rebuild")
    ReadModelRebuild.Status status(Caller caller) {
        access.requireAdmin(caller);
        return rebuild.status();
    }
}
