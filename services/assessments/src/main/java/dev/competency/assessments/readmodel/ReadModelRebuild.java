package dev.competency.assessments.readmodel;

import java.time.Clock;
import java.time.Instant;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops the read models built from the event store and rebuilds them by replay: their tracking processor is stopped,
 * its token reset to the start of the store (which calls the projections' {@code @ResetHandler}s, dropping their
 * collections), and started again. Queries answer from the partial read models while the replay runs, and commands
 * wait for it (see {@link ReadModelProgress}); {@link #status()} says when it caught up.
 */
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    private final EventProcessingConfiguration processing;
    private final Clock clock;
    private volatile Instant startedAt;

    public ReadModelRebuild(EventProcessingConfiguration processing, Clock clock) {
        this.processing = processing;
        this.clock = clock;
    }

    /** Where the replay stands; {@code caughtUp} is true once the processor reached the head of the store. */
    public record Status(String processor, boolean running, boolean caughtUp, boolean replaying, long position,
                         Instant lastRebuildStartedAt) {
    }

    public synchronized Status rebuild() {
        TrackingEventProcessor processor = processor();
        log.info("Rebuilding the read models of {} from the event store", ReadModels.PROCESSING_GROUP);
        processor.shutDown();
        processor.resetTokens();
        startedAt = clock.instant();
        processor.start();
        return status();
    }

    public Status status() {
        TrackingEventProcessor processor = processor();
        var trackers = processor.processingStatus().values();
        boolean caughtUp = !trackers.isEmpty() && trackers.stream().allMatch(EventTrackerStatus::isCaughtUp);
        long position = trackers.stream().mapToLong(s -> s.getCurrentPosition().orElse(0L)).max().orElse(0L);
        return new Status(ReadModels.PROCESSING_GROUP, processor.isRunning(), caughtUp,
                trackers.stream().anyMatch(EventTrackerStatus::isReplaying), position, startedAt);
    }

    private TrackingEventProcessor processor() {
        return processing.eventProcessor(ReadModels.PROCESSING_GROUP, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No tracking processor " + ReadModels.PROCESSING_GROUP));
    }
}
