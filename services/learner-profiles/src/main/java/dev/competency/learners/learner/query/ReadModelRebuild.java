package dev.competency.learners.learner.query;

import java.time.Clock;
import java.time.Instant;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Drops every read model built from the learner event stream and rebuilds it by replay: the read models' tracking
 * processor is stopped, its token reset to the start of the event store (which calls the projections'
 * {@code @ResetHandler}s, dropping their collections), and started again. Queries answer from the partial read
 * models while the replay runs; {@link #status()} says when it caught up.
 */
@Component
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    private final EventProcessingConfiguration processing;
    private final Clock clock;
    private volatile Instant startedAt;

    ReadModelRebuild(EventProcessingConfiguration processing, Clock clock) {
        this.processing = processing;
        this.clock = clock;
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
