package dev.competency.platform.service.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work handed to another thread, with its failure thrown as the thread threw it. */
public final class Futures {

    private Futures() {
    }

    /**
     * The future's result, once it is done. A runtime exception or error it failed with is thrown as it is, not
     * wrapped in a {@link CompletionException}, so that callers (and Axon's retries) see the store's own exception;
     * a checked one stays wrapped.
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
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
}
