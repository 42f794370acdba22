package dev.competency.community.readmodel;

import dev.competency.platform.service.openapi.ProblemResponse;
import dev.competency.platform.service.security.AllowedRoles;
import dev.competency.platform.service.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins drop and rebuild the read models of the streams ({@link StreamRebuild}), and watch the replay; those of the
 * event store are the Axon starter's {@code ReadModelController} ({@code platform.read-models.admin-path}).
 */
@RestController
@AllowedRoles(Role.ADMIN)
class StreamRebuildController {

    private final StreamRebuild streams;

    StreamRebuildController(StreamRebuild streams) {
        this.streams = streams;
    }

    @PostMapping("/api/community/admin/rebuild-streams")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @ProblemResponse(status = 409, description = "Another instance of the service is reading the streams")
    StreamRebuild.Status rebuildStreams() {
        return streams.rebuild();
    }

    @GetMapping("/api/community/admin/rebuild-streams")
    StreamRebuild.Status streamsStatus() {
        return streams.status();
    }
}
