package dev.competency.platform.service.axon;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Read-your-writes over the read models of one tracking processor, on every instance of a service. A request that
 * decides on the read models first waits until they show everything stored before it ({@link #awaitCurrent}, which
 * also holds writes back while a {@link ReadModelRebuild} runs); a request that sent a command waits until they show
 * what the command stored ({@link #afterWrite}). Both read the processor's tokens from the token store, so it does not
 * matter which instance holds the processor's segments, and compare them with the event store's global sequence
 * ({@link SequencedMongoEventStorageEngine}). A request waits at most the time-out, then {@link ReadModelBehind}.
 *
 * <p>A segment has handled an event when its stored token is past it, or when the event is another segment's: a
 * segment with nothing to handle stores that it read past the events of others only when it extends its claim. Which
 * segment an event is for follows the processor's sequencing policy, Axon's default (per aggregate: the hash of the
 * aggregate's id, or of the event's id for an event of no aggregate); a processor of read models that waits here
 * keeps that policy.
 *
 * <p>{@link #signal()}, registered as a handler interceptor of the processor by the Axon starter, wakes the waiting
 * requests of this instance when a batch is committed. Requests waiting for another instance's processor look again every
 * {@value #POLL_MILLIS} ms.
 */
public class ReadYourWrites {

    static final long POLL_MILLIS = 50;
    /** Events a segment has not read, beyond which it is not asked which of them are its own: it is just behind. */
    static final int MAX_UNREAD_LOOKUP = 2_000;

    private final String processorName;
    private final MongoCollection<Document> tokens;
    private final Serializer serializer;
    private final SequencedMongoEventStorageEngine store;
    private final Duration timeout;
    private final Object monitor = new Object();
    private long batches;

    /**
     * @param processorName the tracking processor of the read models
     * @param tokens        the template of the service's token store
     * @param serializer    the serializer the token store writes tokens with
     * @param store         the event storage, for the number of the last stored event
     * @param timeout       how long a request waits for the read models
     */
    public ReadYourWrites(String processorName, MongoTemplate tokens, Serializer serializer,
            SequencedMongoEventStorageEngine store, Duration timeout) {
        this.processorName = processorName;
        this.tokens = tokens.trackingTokensCollection();
        this.serializer = serializer;
        this.store = store;
        this.timeout = timeout;
    }

    /** The processor whose read models requests wait for. */
    public String processorName() {
        return processorName;
    }

    /** Waits until the read models have read every event stored before this call. */
    public void awaitCurrent() {
        long head = head();
        await(head, head);
    }

    /**
     * Runs a write (a command sent and waited for), then waits until the read models have handled the events it
     * stored: every event numbered after the last one stored before the write, up to the last one stored after it.
     *
     * @throws ReadModelBehind when they have not within the time-out; the write is stored all the same
     */
    public <R> R afterWrite(Supplier<R> write) {
        long before = head();
        R result = write.get();
        await(before, head());
        return result;
    }

    /** Wakes the requests of this instance that wait, after each batch the processor committed. */
    public MessageHandlerInterceptor<EventMessage<?>> signal() {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            unitOfWork.root().afterCommit(committed -> {
                synchronized (monitor) {
                    batches++;
                    monitor.notifyAll();
                }
            });
            return result;
        };
    }

    /** The number of the last stored event; -1 when there is none. */
    long head() {
        return position(store.createHeadToken());
    }

    /**
     * Waits until every segment of the processor has read up to {@code upTo} and none still misses an event numbered
     * after {@code after} (a gap: an append that was still being written when the processor read past it).
     */
    void await(long after, long upTo) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen;
            synchronized (monitor) {
                seen = batches;
            }
            if (handledByEverySegment(storedTokens(), after, upTo)) {
                return;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new ReadModelBehind("The read models have not caught up with the event store yet (event "
                        + upTo + "); the change is stored, read it again shortly");
            }
            synchronized (monitor) {
                if (batches == seen) {
                    try {
                        monitor.wait(Math.max(1, Math.min(Duration.ofNanos(remaining).toMillis(), POLL_MILLIS)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new ReadModelBehind("Interrupted while waiting for the read models");
                    }
                }
            }
        }
    }

    /** A segment of the processor and the token it last stored (null when it has none). */
    record SegmentToken(int segment, TrackingToken token) {
    }

    /**
     * Whether there are segments and each has handled the events after {@code after} up to {@code upTo}: it has
     * {@linkplain #handled read past them}, or those it has not read are other segments' events.
     */
    boolean handledByEverySegment(List<SegmentToken> segments, long after, long upTo) {
        if (segments.isEmpty()) {
            return false;
        }
        List<SegmentToken> behind = segments.stream().filter(segment -> !handled(segment.token(), after, upTo))
                .toList();
        return behind.isEmpty() || noneOwnsWhatItHasNotRead(segments, behind, after, upTo);
    }

    private boolean noneOwnsWhatItHasNotRead(List<SegmentToken> segments, List<SegmentToken> behind, long after,
            long upTo) {
        long from = behind.stream().mapToLong(segment -> firstUnread(segment.token(), after, upTo)).min()
                .orElseThrow();
        if (upTo - from >= MAX_UNREAD_LOOKUP) {
            return false;
        }
        Map<Long, String> sequenceIdentifiers = store.sequenceIdentifiers(from, upTo);
        int[] ids = segments.stream().mapToInt(SegmentToken::segment).toArray();
        for (SegmentToken stored : behind) {
            Segment segment = Segment.computeSegment(stored.segment(), ids);
            TrackingToken lowerBound = lowerBound(stored.token());
            for (long event = from; event <= upTo; event++) {
                String sequenceIdentifier = sequenceIdentifiers.get(event);
                boolean unread = event > position(lowerBound) || isGap(lowerBound, event, after);
                if (unread && (sequenceIdentifier == null || segment.matches(sequenceIdentifier))) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean handled(TrackingToken token, long after, long upTo) {
        if (token == null) {
            return upTo < 0;
        }
        TrackingToken lowerBound = lowerBound(token);
        if (position(lowerBound) < upTo) {
            return false;
        }
        return !(lowerBound instanceof GapAwareTrackingToken gapAware)
                || gapAware.getGaps().subSet(after + 1, upTo + 1).isEmpty();
    }

    /** The lowest event up to {@code upTo} the token has not read: past its position, or a gap after {@code after}. */
    static long firstUnread(TrackingToken token, long after, long upTo) {
        TrackingToken lowerBound = lowerBound(token);
        long first = position(lowerBound) + 1;
        if (lowerBound instanceof GapAwareTrackingToken gapAware) {
            SortedSet<Long> gaps = gapAware.getGaps().subSet(after + 1, upTo + 1);
            if (!gaps.isEmpty()) {
                first = Math.min(first, gaps.first());
            }
        }
        return first;
    }

    private static boolean isGap(TrackingToken lowerBound, long event, long after) {
        return event > after && lowerBound instanceof GapAwareTrackingToken gapAware
                && gapAware.getGaps().contains(event);
    }

    private static TrackingToken lowerBound(TrackingToken token) {
        return token == null ? null : WrappedToken.unwrapLowerBound(token);
    }

    /**
     * The token of every segment of the processor, as last stored by whichever instance holds it. A segment stores its
     * token when it commits a batch, after the batch's read-model writes.
     */
    List<SegmentToken> storedTokens() {
        List<SegmentToken> found = new ArrayList<>();
        for (Document entry : tokens.find(Filters.eq("processorName", processorName))) {
            Binary data = entry.get("token", Binary.class);
            found.add(new SegmentToken(entry.getInteger("segment"), data == null ? null : serializer.deserialize(
                    new SimpleSerializedObject<>(data.getData(), byte[].class, entry.getString("tokenType"), null))));
        }
        return found;
    }

    private static long position(TrackingToken token) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.orElse(-1);
    }
}
