package dev.competency.assessments.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

class ReadModelProgressTest {

    @SuppressWarnings("unchecked")
    private static ReadModelProgress progress(long lastSequence, Duration wait) {
        EventStore store = mock(EventStore.class);
        when(store.lastSequenceNumberFor("at-1")).thenReturn(Optional.of(lastSequence));
        ObjectProvider<EventStore> provider = mock(ObjectProvider.class);
        when(provider.getObject()).thenReturn(store);
        return new ReadModelProgress(provider, wait);
    }

    @Test
    void returns_whenProcessorAppliesTheAggregatesLastEvent() {
        ReadModelProgress progress = progress(3, Duration.ofSeconds(20));
        AtomicLong applied = new AtomicLong(1);
        CompletableFuture.runAsync(() -> {
            applied.set(3);
            progress.advanced();
        }, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));

        long started = System.nanoTime();
        progress.await("at-1", id -> applied.get());

        assertThat(applied.get()).isEqualTo(3);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void throwsReadModelBehind_whenReadModelDoesNotCatchUpInTime() {
        ReadModelProgress progress = progress(5, Duration.ofMillis(120));

        assertThatThrownBy(() -> progress.await("at-1", id -> 4))
                .isInstanceOf(ReadModelBehind.class)
                .hasMessageContaining("at event 4 of 5");
    }

    @Test
    void returnsAtOnce_whenAggregateHasNoEventsYetOrReadModelIsAhead() {
        ReadModelProgress progress = progress(2, Duration.ofMillis(1));

        progress.await("at-1", id -> 2);
    }
}
