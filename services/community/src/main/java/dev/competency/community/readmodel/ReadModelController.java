package dev.competency.community.readmodel;

import dev.competency.community.access.CommunityAccessPolicy;
import dev.competency.platform.service.axon.ReadModelRebuild;
import dev.competency.platform.service.openapi.ProblemResponse;
import dev.competency.platform.service.security.AllowedRoles;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins drop and rebuild the read models of the event store and of the streams, and watch the replay. */
@RestController
@AllowedRoles(Role.ADMIN)
class ReadModelController {

    private final ReadModelRebuild rebuild;
    private final StreamRebuild streams;
    private final CommunityAccessPolicy access;

    ReadModelController(ReadModelRebuild rebuild, StreamRebuild streams, CommunityAccessPolicy access) {
        this.rebuild = rebuild;
        this.streams = streams;
        this.access = access;
    }

    @PostMapping("/api/community/admin/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReadModelRebuild.Status rebuild(Caller caller) {
        access.requireAdmin(caller);
        return rebuild.rebuild();
    }

    @GetMapping("/api/community/admin/rebuild")
    ReadModelRebuild.Status status(Caller caller) {
        access.requireAdmin(caller);
        return rebuild.status();
    }

    @PostMapping("/api/community/admin/rebuild-streams")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @ProblemResponse(status = 409, description = "Another instance of the service is reading the streams")
    StreamRebuild.Status rebuildStreams(Caller caller) {
        access.requireAdmin(caller);
        return streams.rebuild();
    }

    @GetMapping("/api/community/admin/rebuild-streams")
    StreamRebuild.Status streamsStatus(Caller caller) {
        access.requireAdmin(caller);
        return streams.status();
    }
}
