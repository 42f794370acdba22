package dev.competency.learners.learner.query;

import dev.competency.platform.service.concurrent.Futures;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A thread that sends the read-model processor's writes while the processor handles its next batch, and stores each
 * segment's token behind that segment's writes ({@link WriteBehindTokenStore}). Without it the processor waits for
 * the store to apply every batch's writes before it reads on, and the store waits for the processor in turn. With
 * the processors tracking in one segment (the services' default for one instance), the rebuild ran 40 % faster with
 * it and intake 13 % faster, back to back; with pooled processors of eight segments and two threads the gain is under
 * 10 %, because those processors are the bottleneck there. Measured with {@code platform/bench}:
 * {@code --phases throughput,latency,rebuild --learners 4000 --competencies 20 --rate 1000 --latency-seconds 30
 * --warmup-seconds 30 --rebuild-evidence 100000} (numbers in {@code docs/benchmarks.md}, 2026-12-07, third entry).
 *
 * <p>Each segment has its own line of pending work, at most one batch in flight: {@link #send} first waits for that
 * segment's batch before it. What a segment hands over runs in the order it was handed over, and a failure stops
 * what the segment handed over after it: a token handed over behind writes that failed is never stored, so the
 * segment starts again before them. The failure is raised, once, to whoever asks for that segment next (its next
 * batch, a claim extension, which an idle processor makes every second, a token fetch, a claim release), and the
 * segment's batch is handled again. Another segment's line never sees it, so the processor may run several threads
 * over several segments.
 */
public final class WriteBehind implements AutoCloseable {

    private static final CompletableFuture<Void> NOTHING_PENDING = CompletableFuture.completedFuture(null);

    private final ExecutorService thread;
    private final Map<Integer, Line> lines = new ConcurrentHashMap<>();

    public WriteBehind(String threadName) {
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread writer = new Thread(runnable, threadName);
            writer.setDaemon(true);
            return writer;
        });
    }

    /** Waits until what the segment handed over before is done (raising its failure), then starts these writes. */
    void send(int segment, Runnable writes) {
        line(segment).send(writes);
    }

    /**
     * Runs the action after everything the segment handed over before it, on the writer's thread; when nothing is
     * pending, at once on the caller's thread. A failure of what is pending is raised here, and the action does not
     * run.
     */
    void behindPending(int segment, Runnable action) {
        line(segment).behindPending(action);
    }

    /** Raises the failure of what the segment handed over when it has failed already; never waits. */
    void raiseFailure(int segment) {
        line(segment).raiseFailure();
    }

    /** Waits until everything the segment handed over is done; raises the first failure since the last wait. */
    void awaitPending(int segment) {
        line(segment).awaitPending();
    }

    private Line line(int segment) {
        return lines.computeIfAbsent(segment, s -> new Line());
    }

    /** Lets what is pending finish, for up to ten seconds, and stops the thread. */
    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** One segment's pending work. */
    private final class Line {

        private CompletableFuture<Void> pending = NOTHING_PENDING;

        synchronized void send(Runnable writes) {
            awaitPending();
            pending = CompletableFuture.runAsync(writes, thread);
        }

        synchronized void behindPending(Runnable action) {
            if (pending.isDone()) {
                awaitPending();
                action.run();
            } else {
                pending = pending.thenRunAsync(action, thread);
            }
        }

        synchronized void raiseFailure() {
            if (pending.isCompletedExceptionally()) {
                awaitPending();
            }
        }

        synchronized void awaitPending() {
            CompletableFuture<Void> waitedFor = pending;
            pending = NOTHING_PENDING;
            Futures.join(waitedFor);
        }
    }
}
