package dev.competency.learners.learner.query;

import java.time.Clock;
import java.time.Instant;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Drops every read model built from the learner event stream and rebuilds it from the start of the event store: the
 * read models' tracking processor is stopped, its tokens are set before the first event, the projections' {@code @ResetHandler}s drop
 * their collections, and the processor is started again. Queries answer from the partial read models while it
 * runs; {@link #status()} says when it caught up.
 *
 * <p>The events are handled as ordinary processing from the start, not as an Axon replay: a replay wraps every
 * token in a {@code ReplayToken} that compares it with the token at the reset, and the MongoDB event store's tokens
 * are maps of every event id in the look-back window, so each event cost several copies and merges of those maps
 * (about 50 events/s in the rebuild benchmark, all of it in that comparison). The projections are idempotent and
 * none of them behaves differently in a replay, so nothing else changes.
 */
@Component
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final EventStore eventStore;
    private final Clock clock;
    private volatile Instant startedAt;

    ReadModelRebuild(EventProcessingConfiguration processing, TokenStore tokenStore, EventStore eventStore,
            Clock clock) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    public synchronized Status rebuild() {
        TrackingEventProcessor processor = processor();
        log.info("Rebuilding the read models of {} from the event store", ReadModels.PROCESSING_GROUP);
        processor.shutDown();
        // Tokens first: a crash before the collections are dropped leaves a processor that rereads everything into
        // the old read models, which the idempotent projections survive; the other order could leave them empty.
        TrackingToken start = eventStore.createTokenAt(Instant.EPOCH);
        for (int segment : tokenStore.fetchSegments(processor.getName())) {
            tokenStore.storeToken(start, processor.getName(), segment);
            tokenStore.releaseClaim(processor.getName(), segment);
        }
        processor.eventHandlerInvoker().performReset();
        startedAt = clock.instant();
        processor.start();
        return status();
    }

    public Status status() {
        TrackingEventProcessor processor = processor();
        boolean caughtUp = !processor.processingStatus().isEmpty() && processor.processingStatus().values().stream()
                .allMatch(EventTrackerStatus::isCaughtUp);
        long position = processor.processingStatus().values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(0L)).max().orElse(0L);
        return new Status(ReadModels.PROCESSING_GROUP, processor.isRunning(), caughtUp,
                processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isReplaying), position,
                startedAt);
    }

    private TrackingEventProcessor processor() {
        return processing.eventProcessor(ReadModels.PROCESSING_GROUP, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No tracking processor " + ReadModels.PROCESSING_GROUP));
    }

    /** Where the replay stands; {@code caughtUp} is true once the processor reached the head of the store. */
    public record Status(String processor, boolean running, boolean caughtUp, boolean replaying, long position,
                         Instant lastRebuildStartedAt) {
    }
}
