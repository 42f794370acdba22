package dev.competency.frameworks.readmodel;

import dev.competency.frameworks.access.FrameworkAccessPolicy;
import dev.competency.platform.service.axon.ReadModelBehind;
import dev.competency.platform.service.axon.ReadModelRebuild;
import dev.competency.platform.service.axon.ReadYourWrites;
import dev.competency.platform.service.security.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins drop and rebuild every read model of the service from its event store ({@link ReadModelRebuild}), and watch
 * the progress. The rebuild request waits for the rebuild as long as a request waits for the read models: done, it
 * answers what was rebuilt (200); still running, its progress (202), as the progress endpoint tells it.
 */
@RestController
class ReadModelController {

    private final ReadModelRebuild rebuild;
    private final ReadYourWrites readYourWrites;
    private final EventStore eventStore;
    private final FrameworkAccessPolicy access;
    private final Clock clock;

    ReadModelController(ReadModelRebuild rebuild, ReadYourWrites readYourWrites, EventStore eventStore,
                        FrameworkAccessPolicy access, Clock clock) {
        this.rebuild = rebuild;
        this.readYourWrites = readYourWrites;
        this.eventStore = eventStore;
        this.access = access;
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

    @PostMapping("/api/frameworks/admin/rebuild")
    ResponseEntity<Object> rebuild(Caller caller) {
        access.requireAdmin(caller);
        Instant startedAt = rebuild.rebuild().lastRebuildStartedAt();
        try {
            readYourWrites.awaitCurrent();
        } catch (ReadModelBehind stillRunning) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.status());
        }
        ReadModelRebuild.Status done = rebuild.status();
        long beforeFirst = eventStore.createTailToken().position().orElse(-1);
        long read = done.readUpTo() == null ? 0 : done.readUpTo() - beforeFirst;
        return ResponseEntity.ok(new Rebuilt(ReadModels.COLLECTIONS, read, startedAt,
                Duration.between(startedAt, clock.instant()).toMillis()));
    }

    @GetMapping("/api/frameworks/admin/rebuild")
    ReadModelRebuild.Status status(Caller caller) {
        access.requireAdmin(caller);
        return rebuild.status();
    }
}
