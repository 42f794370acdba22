package dev.competency.platform.service.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
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
 * replay wraps every token in a {@code ReplayToken} and compares it with the token at the reset for every event,
 * which buys nothing here. Use it for processors whose handlers are idempotent and do not behave differently in a
 * replay.
 */
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    private final String processingGroup;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final EventStore eventStore;
    private final Clock clock;
    private volatile Instant startedAt;

    /** Also publishes the progress as the gauge {@code read_models.rebuild.percent_done}, tagged with the processor. */
    public ReadModelRebuild(String processingGroup, EventProcessingConfiguration processing, TokenStore tokenStore,
            EventStore eventStore, Clock clock, MeterRegistry meters) {
        this.processingGroup = processingGroup;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.eventStore = eventStore;
        this.clock = clock;
        Gauge.builder("read_models.rebuild.percent_done", this, ReadModelRebuild::percentDoneOrNaN)
                .tag("processor", processingGroup)
                .description("How far the read models' processor has read through the event store's history")
                .register(meters);
    }

    /**
     * Where the rebuild stands. {@code caughtUp} is true once the processor reached the head of the store.
     * {@code readUpTo} is the global sequence number of the last event every segment has read, {@code head} that of
     * the last stored event, and {@code percentDone} the share of the store's events from the first to the head that
     * has been read.
     */
    public record Status(String processor, boolean running, boolean caughtUp, boolean replaying, Long readUpTo,
                         Long head, double percentDone, Instant lastRebuildStartedAt) {
    }

    public synchronized Status rebuild() {
        TrackingEventProcessor processor = processor();
        log.info("Rebuilding the read models of {} from the event store", processingGroup);
        processor.shutDown();
        // Tokens first: a crash before the collections are dropped leaves a processor that rereads everything into
        // the old read models, which idempotent projections survive; the other order could leave them empty.
        TrackingToken beforeFirstEvent = eventStore.createTailToken();
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
        Long readUpTo = readUpTo(trackers.stream().map(EventTrackerStatus::getTrackingToken).toList());
        Long beforeFirst = positionOf(eventStore.createTailToken());
        Long head = positionOf(eventStore.createHeadToken());
        return new Status(processingGroup, processor.isRunning(), caughtUp,
                trackers.stream().anyMatch(EventTrackerStatus::isReplaying), readUpTo, head,
                percentDone(caughtUp, beforeFirst, readUpTo, head), startedAt);
    }

    /**
     * The position up to which every segment has read: the slowest segment's. Null when there is no segment, or when
     * a segment has no token yet or one without a position.
     */
    static Long readUpTo(List<TrackingToken> tokens) {
        List<Long> positions = tokens.stream().map(ReadModelRebuild::positionOf).toList();
        return positions.isEmpty() || positions.contains(null) ? null : Collections.min(positions);
    }

    /** The share of the events after {@code beforeFirst} up to {@code head} that has been read, 0–100. */
    static double percentDone(boolean caughtUp, Long beforeFirst, Long readUpTo, Long head) {
        if (caughtUp || head == null) {
            return caughtUp ? 100 : 0;
        }
        if (readUpTo == null || beforeFirst == null) {
            return 0;
        }
        long span = head - beforeFirst;
        if (span <= 0) {
            return readUpTo < head ? 0 : 100;
        }
        double done = 100.0 * (readUpTo - beforeFirst) / span;
        return Math.max(0, Math.min(100, done));
    }

    private double percentDoneOrNaN() {
        try {
            return status().percentDone();
        } catch (RuntimeException notReady) {
            // Before the processor exists (start-up) or while the store cannot be reached.
            return Double.NaN;
        }
    }

    /** The position of the last event a token covers; null for none or a token without a position. */
    private static Long positionOf(TrackingToken token) {
        if (token == null) {
            return null;
        }
        OptionalLong position = WrappedToken.unwrapLowerBound(token).position();
        return position.isPresent() ? position.getAsLong() : null;
    }

    private TrackingEventProcessor processor() {
        return processing.eventProcessor(processingGroup, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No tracking processor " + processingGroup));
    }
}
