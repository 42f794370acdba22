package dev.competency.analytics.stream;

import java.time.Instant;
import java.util.Map;

/**
 * Where the last rebuild stands: records read from offset 0 against the end offsets seen when it started.
 *
 * @param state IDLE (none since the start), RUNNING, DONE or FAILED
 * @param topics per topic, records read and the end offset sum at the start
 */
public record RebuildStatus(State state, Instant startedAt, Instant finishedAt, long eventsRead, long eventsTotal,
                            double percentDone, Map<String, TopicProgress> topics) {

    public enum State { IDLE, RUNNING, DONE, FAILED }

    public record TopicProgress(long read, long end) {
    }
}
