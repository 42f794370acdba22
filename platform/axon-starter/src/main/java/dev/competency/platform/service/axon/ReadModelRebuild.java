package dev.competency.platform.service.axon;

import dev.competency.platform.service.error.Refusal;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops the read models of one streaming processor (pooled or tracking) and rebuilds them from the start of the event
 * store: every segment is taken by this instance, its token is set before the first event, the projections'
 * {@code @ResetHandler}s drop their collections, and the processor is started again. Queries answer from the partial
 * read models while it runs; {@link #status()} says when it caught up.
 *
 * <p>With several instances: this instance first {@linkplain SegmentShare#hold holds} the processor, so that the
 * others give back the segments they claimed (at their next claim check, after they saw the hold), and waits until
 * it has claimed every segment, at most {@link #CLAIM_WAIT}; if another instance still holds one then (it does not
 * share the heartbeat, or its claims outlive it), the rebuild is refused and nothing is changed. Once the tokens are
 * reset it lets go, and every instance claims its share again and reads from the start.
 *
 * <p>The events are handled as ordinary processing from the start, not as an Axon replay ({@code resetTokens}): a
 * replay wraps every token in a {@code ReplayToken} and compares it with the token at the reset for every event,
 * which buys nothing here. Use it for processors whose handlers are idempotent and do not behave differently in a
 * replay.
 *
 * <p>{@link #status()} reads the tokens the segments stored ({@link ReadYourWrites#storedTokens}), whichever instance
 * holds them, not the processor's tracker statuses: those cover only the segments this instance has claimed so far,
 * and a pooled processor marks them caught up whenever its stream is momentarily empty, so they could say caught up
 * before a segment had read every event its read models need.
 */
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final Duration CLAIM_RETRY = Duration.ofMillis(200);

    private final String processingGroup;
    private final ReadYourWrites readModels;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final EventStore eventStore;
    private final SegmentShare segmentShare;
    private final Clock clock;
    private volatile Instant startedAt;

    /** How long a rebuild waits for the other instances to give back the processor's segments. */
    static final Duration CLAIM_WAIT = Duration.ofSeconds(30);

    /** Also publishes the progress as the gauge {@code read_models.rebuild.percent_done}, tagged with the processor. */
    public ReadModelRebuild(ReadYourWrites readModels, EventProcessingConfiguration processing, TokenStore tokenStore,
            EventStore eventStore, SegmentShare segmentShare, Clock clock, MeterRegistry meters) {
        this.processingGroup = readModels.processorName();
        this.readModels = readModels;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.eventStore = eventStore;
        this.segmentShare = segmentShare;
        this.clock = clock;
        Gauge.builder("read_models.rebuild.percent_done", this, ReadModelRebuild::percentDoneOrNaN)
                .tag("processor", processingGroup)
                .description("How far the read models' processor has read through the event store's history")
                .register(meters);
    }

    /**
     * Where the rebuild stands. {@code caughtUp} is true once every segment of the processor, on whichever instance,
     * has handled the events up to the last stored one ({@link ReadYourWrites}: stored a token past them, with no gap
     * below, or left only other segments' events unread): the read models show every event stored when the status
     * was asked for. {@code readUpTo} is the global sequence number of the last event every segment has read (the
     * head once caught up), {@code head} that of the last stored event, and {@code percentDone} the share of the
     * store's events from the first to the head that has been read.
     */
    public record Status(String processor, boolean running, boolean caughtUp, boolean replaying, Long readUpTo,
                         Long head, double percentDone, Instant lastRebuildStartedAt) {
    }

    /**
     * Rebuilds the read models.
     *
     * @throws Refusal (409) when another instance did not give back a segment within {@link #CLAIM_WAIT}; the
     *                  processor then goes on where it was
     */
    public synchronized Status rebuild() {
        StreamingEventProcessor processor = processor();
        log.info("Rebuilding the read models of {} from the event store", processingGroup);
        Set<Integer> claimed = new HashSet<>();
        segmentShare.hold(processor.getName());
        try {
            processor.shutDown();
            int[] segments = claimEverySegment(processor.getName(), claimed);
            // Tokens first: a crash before the collections are dropped leaves a processor that rereads everything
            // into the old read models, which idempotent projections survive; the other order could leave them empty.
            TrackingToken beforeFirstEvent = eventStore.createTailToken();
            for (int segment : segments) {
                tokenStore.storeToken(beforeFirstEvent, processor.getName(), segment);
            }
            ((AbstractEventProcessor) processor).eventHandlerInvoker().performReset();
            startedAt = clock.instant();
        } finally {
            for (int segment : claimed) {
                tokenStore.releaseClaim(processor.getName(), segment);
            }
            segmentShare.release(processor.getName());
            processor.start();
        }
        return status();
    }

    /** Claims every segment of the processor for this instance, waiting for the others to give theirs back. */
    private int[] claimEverySegment(String processorName, Set<Integer> claimed) {
        long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
        int[] segments = tokenStore.fetchSegments(processorName);
        while (true) {
            for (int segment : segments) {
                if (!claimed.contains(segment)) {
                    try {
                        tokenStore.fetchToken(processorName, segment);
                        claimed.add(segment);
                    } catch (UnableToClaimTokenException heldElsewhere) {
                        // Given back at the other instance's next claim check; tried again below.
                    }
                }
            }
            if (claimed.size() == segments.length) {
                return segments;
            }
            if (System.nanoTime() > deadline) {
                throw Refusal.conflict("Cannot rebuild the read models of " + processorName + " now: other "
                        + "instances did not give back " + (segments.length - claimed.size()) + " of its "
                        + segments.length + " segments within " + CLAIM_WAIT + "; try again shortly");
            }
            LockSupport.parkNanos(CLAIM_RETRY.toNanos());
        }
    }

    public Status status() {
        StreamingEventProcessor processor = processor();
        List<ReadYourWrites.SegmentToken> stored = readModels.storedTokens();
        Long beforeFirst = positionOf(eventStore.createTailToken());
        // The head after the tokens: an event stored in between leaves the status behind, never ahead.
        Long head = positionOf(eventStore.createHeadToken());
        boolean caughtUp = head != null && readModels.handledByEverySegment(stored, -1, head);
        // Caught up, a segment with none of the last events to handle may not have stored that it read past them yet.
        Long readUpTo = caughtUp ? head : readUpTo(stored.stream().map(ReadYourWrites.SegmentToken::token).toList());
        return new Status(processingGroup, processor.isRunning(), caughtUp,
                processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isReplaying), readUpTo,
                head, percentDone(caughtUp, beforeFirst, readUpTo, head), startedAt);
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

    /**
     * The position of the last event a token covers; null for none, a token without a position, or a replay token
     * from the very start (its lower bound is none).
     */
    static Long positionOf(TrackingToken token) {
        TrackingToken lowerBound = token == null ? null : WrappedToken.unwrapLowerBound(token);
        OptionalLong position = lowerBound == null ? OptionalLong.empty() : lowerBound.position();
        return position.isPresent() ? position.getAsLong() : null;
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(processingGroup, StreamingEventProcessor.class)
                .filter(AbstractEventProcessor.class::isInstance)
                .orElseThrow(() -> new IllegalStateException("No streaming processor " + processingGroup));
    }
}
