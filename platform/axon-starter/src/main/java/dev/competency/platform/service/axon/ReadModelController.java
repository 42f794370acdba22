package dev.competency.platform.service.axon;

import dev.competency.platform.service.security.AllowedRoles;
import dev.competency.platform.service.security.Role;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins drop and rebuild the read models of the service's event store ({@link ReadModelRebuild}) and watch the
 * progress, at {@code <platform.read-models.admin-path>/rebuild}; the service names the path
 * ({@link ReadModelAdminProperties}). The rebuild answers 202 with its progress at once or, where the service waits
 * for it ({@code await-rebuild}), waits as long as a request waits for the read models ({@link ReadYourWrites}):
 * done, it answers 200 with what was rebuilt; still running, 202 with its progress. The OpenAPI document shows the
 * 200 answer only where it can happen.
 */
@RestController
@AllowedRoles(Role.ADMIN)
class ReadModelController {

    /** Looked up when asked for, so that web slice tests of the service's other controllers need no rebuild. */
    private final ObjectProvider<ReadModelRebuild> rebuild;
    private final ReadModelAdminProperties properties;
    /** Needed only to wait for the rebuild. */
    private final ObjectProvider<ReadYourWrites> readYourWrites;
    private final ObjectProvider<EventStore> eventStore;
    private final ObjectProvider<Clock> clock;

    ReadModelController(ObjectProvider<ReadModelRebuild> rebuild, ReadModelAdminProperties properties,
                        ObjectProvider<ReadYourWrites> readYourWrites, ObjectProvider<EventStore> eventStore,
                        ObjectProvider<Clock> clock) {
        this.rebuild = rebuild;
        this.properties = properties;
        this.readYourWrites = readYourWrites;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    /**
     * A rebuild that caught up with the event store.
     *
     * @param readModels     the collections dropped and rebuilt
     * @param eventsReplayed the events read from the first to the last stored one
     */
    record Rebuilt(List<String> readModels, long eventsReplayed, Instant startedAt, long millis) {
    }

    @PostMapping("${platform.read-models.admin-path}/rebuild")
    @ApiResponse(responseCode = "202", description = "Accepted",
            content = @Content(schema = @Schema(implementation = ReadModelRebuild.Status.class)))
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = Rebuilt.class)))
    ResponseEntity<Object> rebuild() {
        ReadModelRebuild.Status started = rebuild.getObject().rebuild();
        if (!properties.awaitRebuild()) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(started);
        }
        try {
            readYourWrites.getObject().awaitCurrent();
        } catch (ReadModelBehind stillRunning) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.getObject().status());
        }
        Instant startedAt = started.lastRebuildStartedAt();
        ReadModelRebuild.Status done = rebuild.getObject().status();
        long beforeFirst = eventStore.getObject().createTailToken().position().orElse(-1);
        long read = done.readUpTo() == null ? 0 : done.readUpTo() - beforeFirst;
        return ResponseEntity.ok(new Rebuilt(properties.collections(), read, startedAt,
                Duration.between(startedAt, clock.getObject().instant()).toMillis()));
    }

    @GetMapping("${platform.read-models.admin-path}/rebuild")
    ReadModelRebuild.Status status() {
        return rebuild.getObject().status();
    }
}
