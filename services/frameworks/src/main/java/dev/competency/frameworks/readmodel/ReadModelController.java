package dev.competency.frameworks.readmodel;

import dev.competency.frameworks.access.FrameworkAccessPolicy;
import dev.competency.platform.service.security.Caller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins drop and rebuild every read model of the service from its event store. */
@RestController
class ReadModelController {

    private final ReadModelRebuild rebuild;
    private final FrameworkAccessPolicy access;

    ReadModelController(ReadModelRebuild rebuild, FrameworkAccessPolicy access) {
        this.rebuild = rebuild;
        this.access = access;
    }

    @PostMapping("/api/frameworks/admin/rebuild")
    ReadModelRebuild.Result rebuild(Caller caller) {
        access.requireAdmin(caller);
        return rebuild.rebuild();
    }
}
