package dev.competency.frameworks.readmodel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Drops every read model and rebuilds it by replaying the whole event store, in order, through the same event
 * handlers that keep the read models current. The read models are updated in the command's unit of work, so they
 * have no tracking token to reset: the replay reads the store directly. Run it when no author is writing (writes
 * that land during the replay may be overwritten by older state until they are written again).
 */
@Component
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    private final EventStore eventStore;
    private final List<Projection> projections;
    private final Clock clock;

    ReadModelRebuild(EventStore eventStore, List<Projection> projections, Clock clock) {
        this.eventStore = eventStore;
        this.projections = projections;
        this.clock = clock;
    }

    /** What a rebuild did. */
    public record Result(List<String> readModels, long eventsReplayed, Instant startedAt, long millis) {
    }

    public synchronized Result rebuild() {
        Instant started = clock.instant();
        log.info("Rebuilding {} read models from the event store", projections.size());
        List<AnnotationEventHandlerAdapter> handlers = projections.stream()
                .map(AnnotationEventHandlerAdapter::new).toList();
        projections.forEach(Projection::reset);
        long replayed = 0;
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
            while (events.hasNextAvailable()) {
                TrackedEventMessage<?> event = events.nextAvailable();
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(event)) {
                        handler.handle(event);
                    }
                }
                replayed++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RebuildFailed("Interrupted while rebuilding read models", e);
        } catch (Exception e) {
            throw new RebuildFailed("Rebuilding the read models failed after " + replayed + " events", e);
        }
        long millis = Duration.between(started, clock.instant()).toMillis();
        log.info("Rebuilt the read models from {} events in {} ms", replayed, millis);
        return new Result(projections.stream().map(p -> p.getClass().getSimpleName()).toList(), replayed, started,
                millis);
    }

    /** A rebuild that could not finish: a failure on our side, answered with 500 and logged with its cause. */
    static final class RebuildFailed extends RuntimeException {

        RebuildFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
