package dev.competency.platform.service.axon;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spreads the segments of every pooled streaming processor over the live instances of a service: an instance claims
 * at most {@code ceil(segments / live instances)} segments of a processor, and gives back what it holds above that.
 * Axon without Axon Server does not balance segments by itself: the first instance to start would claim them all.
 *
 * <p>Live instances are known from a heartbeat in the service's database ({@value #COLLECTION}: one document per
 * instance, its id and when it was last seen). Every {@code heartbeat} an instance writes its own document and counts
 * the documents seen within {@code instanceTimeout}; an instance that stops cleanly deletes its document, one that
 * crashed stops counting after {@code instanceTimeout}. Instances compare times written by one another, as Axon's
 * token claims do: their clocks must agree to well within {@code instanceTimeout}.
 *
 * <p>{@link #hold} lets one instance take every segment of a processor (a {@link ReadModelRebuild}): the others give
 * theirs back while its heartbeat says it holds the processor.
 */
public class SegmentShare implements MaxSegmentProvider, AutoCloseable {

    /** The heartbeat collection. */
    static final String COLLECTION = "eventProcessorInstances";

    private static final Logger log = LoggerFactory.getLogger(SegmentShare.class);
    private static final String LAST_SEEN = "lastSeen";
    private static final String HOLDS = "holds";
    /** Documents of instances unseen for this many time-outs are deleted: those instances crashed. */
    private static final int FORGET_AFTER_TIMEOUTS = 60;

    private final String instanceId;
    private final MongoCollection<Document> instances;
    private final MongoCollection<Document> tokens;
    private final Clock clock;
    private final Duration heartbeat;
    private final Duration instanceTimeout;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService beats;
    private volatile View view = new View(1, Set.of());

    /** What the last heartbeat saw: how many instances are live, and the processors held by another live one. */
    record View(int live, Set<String> heldElsewhere) {
    }

    /**
     * @param instanceId      this instance, unique among all instances of the service (also its token store owner)
     * @param database        the service's database, for the heartbeat collection
     * @param tokens          the token store's collection, for the number of segments of a processor
     * @param heartbeat       how often this instance says it is live and looks at the others
     * @param instanceTimeout how long an instance unseen still counts as live
     */
    public SegmentShare(String instanceId, MongoDatabase database, MongoCollection<Document> tokens, Clock clock,
            Duration heartbeat, Duration instanceTimeout) {
        this.instanceId = instanceId;
        this.instances = database.getCollection(COLLECTION);
        this.tokens = tokens;
        this.clock = clock;
        this.heartbeat = heartbeat;
        this.instanceTimeout = instanceTimeout;
        this.beats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-share-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Says this instance is live, then again every heartbeat. */
    public SegmentShare start() {
        beat();
        beats.scheduleWithFixedDelay(this::beatLogged, heartbeat.toMillis(), heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    public String instanceId() {
        return instanceId;
    }

    /**
     * The most segments of {@code processorName} this instance may claim: none while another live instance holds the
     * processor, all while this one does, else its fair share.
     */
    @Override
    public int getMaxSegments(String processorName) {
        View current = view;
        if (held.contains(processorName)) {
            return Short.MAX_VALUE;
        }
        if (current.heldElsewhere().contains(processorName)) {
            return 0;
        }
        long segments = tokens.countDocuments(Filters.eq("processorName", processorName));
        return segments == 0 ? Short.MAX_VALUE : fairShare(segments, current.live());
    }

    /** {@code ceil(segments / live)}: with every instance claiming this many, no segment is left over. */
    static int fairShare(long segments, int live) {
        return (int) ((segments + live - 1) / Math.max(1, live));
    }

    /** Asks the other instances to give back every segment of the processor, from their next heartbeat on. */
    public void hold(String processorName) {
        held.add(processorName);
        beat();
    }

    /** Lets the other instances claim their share of the processor's segments again. */
    public void release(String processorName) {
        held.remove(processorName);
        beat();
    }

    /** Stops the heartbeat and deletes this instance's document: the others count one instance less at once. */
    @Override
    public void close() {
        stopHeartbeat();
        instances.deleteOne(Filters.eq("_id", instanceId));
    }

    /** Stops the heartbeat and leaves the document, as a crash does: the others count it until it times out. */
    void stopHeartbeat() {
        beats.shutdownNow();
    }

    synchronized void beat() {
        Instant now = clock.instant();
        instances.replaceOne(Filters.eq("_id", instanceId), new Document("_id", instanceId)
                .append(LAST_SEEN, Date.from(now)).append(HOLDS, List.copyOf(held)), new ReplaceOptions().upsert(true));
        instances.deleteMany(Filters.lt(LAST_SEEN, Date.from(now.minus(instanceTimeout.multipliedBy(
                FORGET_AFTER_TIMEOUTS)))));
        int live = 0;
        Set<String> heldElsewhere = new HashSet<>();
        for (Document instance : instances.find(Filters.gte(LAST_SEEN, Date.from(now.minus(instanceTimeout))))) {
            live++;
            if (!instanceId.equals(instance.getString("_id"))) {
                heldElsewhere.addAll(instance.getList(HOLDS, String.class, List.of()));
            }
        }
        View next = new View(Math.max(1, live), Set.copyOf(heldElsewhere));
        if (!next.equals(view)) {
            log.info("Event processor instances: {} live (this one {}), processors held elsewhere: {}", next.live(),
                    instanceId, next.heldElsewhere());
        }
        view = next;
    }

    private void beatLogged() {
        try {
            beat();
        } catch (RuntimeException e) {
            // The last view stands until the database answers again; the token claims keep segments exclusive.
            log.warn("Heartbeat of event processor instance {} failed: {}", instanceId, e.toString());
        }
    }
}
