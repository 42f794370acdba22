package dev.competency.platform.service.axon;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops the read models of one tracking processor and rebuilds them from the start of the event store: the processor
 * is stopped, its tokens are set before the first event, the projections' {@code @ResetHandler}s drop their
 * collections, and the processor is started again. Queries answer from the partial read models while it runs;
 * {@link #status()} says when it caught up.
 *
 * <p>The events are handled as ordinary processing from the start, not as an Axon replay ({@code resetTokens}): a
 * replay wraps every token in a {@code ReplayToken} and compares it with the token at the reset, and the MongoDB
 * event store's tokens are maps of every event id in the look-back window, so each event cost several copies and
 * merges of those maps (about 50 events/s in the learner-profiles rebuild benchmark, all of it in that comparison).
 * Use it for processors whose handlers are idempotent and do not behave differently in a replay.
 */
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    private final String processingGroup;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final EventStore eventStore;
    private final Clock clock;
    private volatile Instant startedAt;

    public ReadModelRebuild(String processingGroup, EventProcessingConfiguration processing, TokenStore tokenStore,
            EventStore eventStore, Clock clock) {
        this.processingGroup = processingGroup;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    /**
     * Where the rebuild stands; {@code caughtUp} is true once the processor reached the head of the store. The
     * MongoDB event store's tokens have no position, so {@code position} is 0 there.
     */
    public record Status(String processor, boolean running, boolean caughtUp, boolean replaying, long position,
                         Instant lastRebuildStartedAt) {
    }

    public synchronized Status rebuild() {
        TrackingEventProcessor processor = processor();
        log.info("Rebuilding the read models of {} from the event store", processingGroup);
        processor.shutDown();
        // Tokens first: a crash before the collections are dropped leaves a processor that rereads everything into
        // the old read models, which idempotent projections survive; the other order could leave them empty.
        TrackingToken beforeFirstEvent = eventStore.createTokenAt(Instant.EPOCH);
        for (int segment : tokenStore.fetchSegments(processor.getName())) {
            tokenStore.storeToken(beforeFirstEvent, processor.getName(), segment);
            tokenStore.releaseClaim(processor.getName(), segment);
        }
        processor.eventHandlerInvoker().performReset();
        startedAt = clock.instant();
        processor.start();
        return status();
    }

    public Status status() {
        TrackingEventProcessor processor = processor();
        Collection<EventTrackerStatus> trackers = processor.processingStatus().values();
        boolean caughtUp = !trackers.isEmpty() && trackers.stream().allMatch(EventTrackerStatus::isCaughtUp);
        long position = trackers.stream().mapToLong(s -> s.getCurrentPosition().orElse(0L)).max().orElse(0L);
        return new Status(processingGroup, processor.isRunning(), caughtUp,
                trackers.stream().anyMatch(EventTrackerStatus::isReplaying), position, startedAt);
    }

    private TrackingEventProcessor processor() {
        return processing.eventProcessor(processingGroup, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No tracking processor " + processingGroup));
    }
}
