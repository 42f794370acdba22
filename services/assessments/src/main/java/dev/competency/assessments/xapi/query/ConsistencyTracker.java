package dev.competency.assessments.xapi.query;

import java.time.Clock;
import java.time.Instant;
import java.util.TreeMap;

/**
 * Hands out {@code stored} instants (microseconds since the epoch, strictly increasing within this process) and
 * knows up to which instant every statement is visible: the moment before the oldest write still in progress.
 * That is what {@code X-Experience-API-Consistent-Through} reports.
 */
final class ConsistencyTracker {

    private final Clock clock;
    private final TreeMap<Long, Integer> inFlight = new TreeMap<>();
    private long last;

    ConsistencyTracker(Clock clock) {
        this.clock = clock;
    }

    synchronized long begin() {
        long now = micros(clock.instant());
        last = Math.max(last + 1, now);
        inFlight.merge(last, 1, Integer::sum);
        return last;
    }

    synchronized void end(long stored) {
        inFlight.computeIfPresent(stored, (key, count) -> count == 1 ? null : count - 1);
    }

    synchronized long consistentThrough() {
        long now = Math.max(last, micros(clock.instant()));
        return inFlight.isEmpty() ? now : inFlight.firstKey() - 1;
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
