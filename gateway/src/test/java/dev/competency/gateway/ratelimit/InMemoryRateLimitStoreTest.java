package dev.competency.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryRateLimitStoreTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final InMemoryRateLimitStore store = new InMemoryRateLimitStore(2, 3, now::get);

    @Test
    void allowsBurst_thenRefusesWithTimeToNextToken() {
        assertThat(store.takeNow("a").remaining()).isEqualTo(2);
        assertThat(store.takeNow("a").remaining()).isEqualTo(1);
        assertThat(store.takeNow("a").remaining()).isZero();

        RateLimitDecision refused = store.takeNow("a");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void refillsAtTheConfiguredRate_upToTheBurst() {
        for (int i = 0; i < 3; i++) {
            store.takeNow("a");
        }
        advance(250);
        assertThat(store.takeNow("a").allowed()).isFalse();
        advance(250);
        assertThat(store.takeNow("a").allowed()).isTrue();

        advance(60_000);
        assertThat(store.takeNow("a").remaining()).isEqualTo(2);
    }

    @Test
    void keepsClientsApart() {
        for (int i = 0; i < 3; i++) {
            store.takeNow("a");
        }
        assertThat(store.takeNow("a").allowed()).isFalse();
        assertThat(store.takeNow("b").allowed()).isTrue();
    }

    @Test
    void forgetsClients_whoseBucketIsFullAgain() {
        store.takeNow("idle");
        // A burst of 3 at 2 per second is full again after 1.5 s.
        advance(1500);
        store.takeNow("busy");

        store.forgetIdle(now.get());

        assertThat(store.trackedClients()).isEqualTo(1);
        advance(1500);
        store.forgetIdle(now.get());
        assertThat(store.trackedClients()).isZero();
    }

    private void advance(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
