package dev.competency.platform.service.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FuturesTest {

    @Test
    void returnsTheResult_whenTheFutureSucceeds() {
        assertThat(Futures.join(CompletableFuture.supplyAsync(() -> "stored"))).isEqualTo("stored");
    }

    @Test
    void throwsTheRuntimeExceptionUnwrapped_whenTheWorkFailedWithOne() {
        IllegalStateException failure = new IllegalStateException("store away");
        CompletableFuture<String> future = CompletableFuture.supplyAsync(() -> {
            throw failure;
        });

        assertThatThrownBy(() -> Futures.join(future)).isSameAs(failure);
    }

    @Test
    void throwsTheErrorUnwrapped_whenTheWorkFailedWithOne() {
        AssertionError failure = new AssertionError("broken");

        assertThatThrownBy(() -> Futures.join(CompletableFuture.failedFuture(failure))).isSameAs(failure);
    }

    @Test
    void keepsACheckedExceptionWrapped_whenTheWorkFailedWithOne() {
        IOException failure = new IOException("disk");

        assertThatThrownBy(() -> Futures.join(CompletableFuture.failedFuture(failure)))
                .isInstanceOf(CompletionException.class).hasCause(failure);
    }
}
