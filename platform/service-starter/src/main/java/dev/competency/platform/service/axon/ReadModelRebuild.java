package dev.competency.platform.service.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
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
     * {@code readUpTo} is when the last event the processor read was stored (the MongoDB event store's tokens carry
     * a time, not a position), and {@code percentDone} how much of the time from the first stored event until now
     * has been read. Events are read in the order they were stored, so this is the progress through the store's
     * history, not through its event count: quiet months go fast, and it jumps to 100 at the catch-up when the last
     * event is older than the rebuild.
     */
    public record Status(String processor, boolean running, boolean caughtUp, boolean replaying, Instant readUpTo,
                         double percentDone, Instant lastRebuildStartedAt) {
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
        Instant readUpTo = readUpTo(trackers.stream().map(EventTrackerStatus::getTrackingToken).toList());
        Instant first = timeOf(eventStore.createTailToken());
        return new Status(processingGroup, processor.isRunning(), caughtUp,
                trackers.stream().anyMatch(EventTrackerStatus::isReplaying), readUpTo,
                percentDone(caughtUp, first, readUpTo, clock.instant()), startedAt);
    }

    /**
     * The time up to which every segment has read: the slowest segment's. Null when there is no segment, or when a
     * segment has no token yet or one without a time.
     */
    static Instant readUpTo(List<TrackingToken> tokens) {
        List<Instant> times = tokens.stream().map(ReadModelRebuild::timeOf).toList();
        return times.isEmpty() || times.contains(null) ? null : Collections.min(times);
    }

    /** The share of the time from the first event to {@code head} that has been read, 0–100. */
    static double percentDone(boolean caughtUp, Instant first, Instant readUpTo, Instant head) {
        if (caughtUp || head == null) {
            return caughtUp ? 100 : 0;
        }
        if (readUpTo == null || first == null) {
            return 0;
        }
        long span = Duration.between(first, head).toMillis();
        if (span <= 0) {
            return readUpTo.isBefore(head) ? 0 : 100;
        }
        double done = 100.0 * Duration.between(first, readUpTo).toMillis() / span;
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

    /** The time of the last event a token covers, for the MongoDB store's tokens; null for none or another kind. */
    private static Instant timeOf(TrackingToken token) {
        TrackingToken unwrapped = token == null ? null : WrappedToken.unwrapLowerBound(token);
        return unwrapped instanceof MongoTrackingToken mongo ? mongo.getTimestamp() : null;
    }

    private TrackingEventProcessor processor() {
        return processing.eventProcessor(processingGroup, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No tracking processor " + processingGroup));
    }
}
