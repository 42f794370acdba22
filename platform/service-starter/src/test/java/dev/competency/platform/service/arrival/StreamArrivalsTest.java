package dev.competency.platform.service.arrival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.competency.platform.service.messaging.ConsumerProgress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StreamArrivalsTest {

    private static final StreamArrivals.Stream LEARNERS = new StreamArrivals.Stream("group-1", "topic-1");

    private final ConsumerProgress progress = mock(ConsumerProgress.class);

    @Test
    void returnsValue_whenItArrivesWhileAwaited() {
        AtomicInteger lookups = new AtomicInteger();
        StreamArrivals arrivals = new StreamArrivals(progress, Duration.ofSeconds(2));

        Optional<String> unit = arrivals.await(LEARNERS, "Learner 1",
                () -> lookups.incrementAndGet() < 3 ? Optional.empty() : Optional.of("unit-1"));

        assertThat(unit).hasValue("unit-1");
        assertThat(lookups).hasValue(3);
        verify(progress, never()).isBehind("group-1", "topic-1");
    }

    @Test
    void refusesWithStreamBehind_whenStillMissingAndConsumerIsBehind() {
        when(progress.isBehind("group-1", "topic-1")).thenReturn(true);
        StreamArrivals arrivals = new StreamArrivals(progress, Duration.ofMillis(100));

        assertThatThrownBy(() -> arrivals.await(LEARNERS, "Learner 1", Optional::empty))
                .isInstanceOf(StreamBehind.class)
                .hasMessageStartingWith("Learner 1 is not known to this service yet");
    }

    @Test
    void returnsEmpty_whenStillMissingAndStreamIsReadToItsEnd() {
        StreamArrivals arrivals = new StreamArrivals(progress, Duration.ofMillis(100));

        assertThat(arrivals.await(LEARNERS, "Learner 1", Optional::empty)).isEmpty();
        verify(progress).isBehind("group-1", "topic-1");
    }

    @Test
    void returnsValue_whenConsumerStoredItJustBeforeReadingToTheEnd() {
        AtomicInteger lookups = new AtomicInteger();
        StreamArrivals arrivals = new StreamArrivals(progress, Duration.ofSeconds(5));

        Optional<String> learner = arrivals.find(LEARNERS, "A learner",
                () -> lookups.incrementAndGet() == 1 ? Optional.empty() : Optional.of("learner-1"));

        assertThat(learner).hasValue("learner-1");
        verify(progress).isBehind("group-1", "topic-1");
    }

    @Test
    void looksUpOnce_whenFindingWithoutWaiting() {
        AtomicInteger lookups = new AtomicInteger();
        when(progress.isBehind("group-1", "topic-1")).thenReturn(true);
        StreamArrivals arrivals = new StreamArrivals(progress, Duration.ofSeconds(5));

        assertThatThrownBy(() -> arrivals.find(LEARNERS, "A learner", () -> {
            lookups.incrementAndGet();
            return Optional.empty();
        })).isInstanceOf(StreamBehind.class);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void passesTheFailureOnWithoutRetrying_whenTheLookupFails() {
        AtomicInteger lookups = new AtomicInteger();
        StreamArrivals arrivals = new StreamArrivals(progress, Duration.ofSeconds(5));

        assertThatThrownBy(() -> arrivals.await(LEARNERS, "Learner 1", () -> {
            lookups.incrementAndGet();
            throw new IllegalStateException("store unreachable");
        })).isInstanceOf(IllegalStateException.class).hasMessage("store unreachable");
        assertThat(lookups).hasValue(1);
    }
}
