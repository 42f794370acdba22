package dev.competency.analytics.stream;

import dev.competency.analytics.state.AnalyticsState;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The state queries answer from. Queries read under the read lock; the stream thread applies each polled batch under
 * the write lock (fair, so a steady flow of queries cannot starve the intake), and a finished rebuild replaces the
 * state as a whole.
 */
@Component
public class StateHolder {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private AnalyticsState current = new AnalyticsState();

    public <T> T read(Function<AnalyticsState, T> query) {
        lock.readLock().lock();
        try {
            return query.apply(current);
        } finally {
            lock.readLock().unlock();
        }
    }

    void write(Consumer<AnalyticsState> change) {
        lock.writeLock().lock();
        try {
            change.accept(current);
        } finally {
            lock.writeLock().unlock();
        }
    }

    void replace(AnalyticsState rebuilt) {
        lock.writeLock().lock();
        try {
            current = rebuilt;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
