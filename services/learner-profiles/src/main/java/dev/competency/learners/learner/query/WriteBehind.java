package dev.competency.learners.learner.query;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One thread that sends the read-model processor's writes while the processor handles its next batch, and stores the
 * processor's token behind them. Without it the processor waits for the store to apply every batch's writes before
 * it reads the next event, and the store waits for the processor in turn.
 *
 * <p>At most one batch is in flight: {@link #send} first waits for the batch before it. Whatever runs here runs in
 * the order it was handed over, and a failure stops what was handed over after it: a token handed over behind writes
 * that failed is never stored, so the processor starts again before them. The failure is raised, once, to whoever
 * asks next (the next batch, a claim extension, which an idle processor makes every second, a token fetch, a claim
 * release), and the processor handles the failed batch again.
 *
 * <p>One line of pending work for one processor thread: a failure raised to another segment's thread would leave the
 * failed segment's token free to move past its writes.
 */
public final class WriteBehind implements AutoCloseable {

    private static final CompletableFuture<Void> NOTHING_PENDING = CompletableFuture.completedFuture(null);

    private final ExecutorService thread;
    private CompletableFuture<Void> pending = NOTHING_PENDING;

    public WriteBehind(String threadName) {
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread writer = new Thread(runnable, threadName);
            writer.setDaemon(true);
            return writer;
        });
    }

    /** Waits until what was handed over before is done (raising its failure), then starts these writes; returns. */
    synchronized void send(Runnable writes) {
        awaitPending();
        pending = CompletableFuture.runAsync(writes, thread);
    }

    /**
     * Runs the action after everything handed over before it, on this thread; when nothing is pending, at once on
     * the caller's thread. A failure of what is pending is raised here, and the action does not run.
     */
    public synchronized void behindPending(Runnable action) {
        if (pending.isDone()) {
            awaitPending();
            action.run();
        } else {
            pending = pending.thenRunAsync(action, thread);
        }
    }

    /** Raises the failure of what was handed over when it has failed already; never waits. */
    public synchronized void raiseFailure() {
        if (pending.isCompletedExceptionally()) {
            awaitPending();
        }
    }

    /** Waits until everything handed over is done; raises the first failure since the last wait. */
    public synchronized void awaitPending() {
        CompletableFuture<Void> waitedFor = pending;
        pending = NOTHING_PENDING;
        try {
            waitedFor.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Lets what is pending finish, for up to ten seconds, and stops the thread. */
    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }
}
