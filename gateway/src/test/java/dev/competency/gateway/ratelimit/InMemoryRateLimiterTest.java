package dev.competency.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.Bucket4jRateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;

/** The in-memory buckets as the gateway configures Bucket4j: two budgets, burst, refill, clients kept apart. */
class InMemoryRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(TimeUnit.SECONDS.toNanos(1_000));
    private final Bucket4jRateLimiter limiter = RateLimitConfiguration.inMemory(
            new RateLimitProperties("memory", 2, 3, 1, 1), new TimeMeter() {
                @Override
                public long currentTimeNanos() {
                    return nanos.get();
                }

                @Override
                public boolean isWallClockBased() {
                    return true;
                }
            });

    @Test
    void allowsTheBurstThenRefuses_whenAClientSendsTooMany() {
        List<RateLimiter.Response> answers = take("client", "sub:ada", 4);

        assertThat(answers).extracting(RateLimiter.Response::isAllowed).containsExactly(true, true, true, false);
        assertThat(answers).extracting(answer -> answer.getHeaders().get("X-RateLimit-Remaining"))
                .containsExactly("2", "1", "0", "0");
    }

    @Test
    void refillsAtTheConfiguredRate_whenTimePasses() {
        take("client", "sub:ada", 3);

        advanceMillis(250);
        assertThat(take("client", "sub:ada", 1).get(0).isAllowed()).isFalse();
        advanceMillis(250);
        assertThat(take("client", "sub:ada", 1).get(0).isAllowed()).isTrue();
    }

    @Test
    void keepsClientsAndBudgetsApart_whenOneIsSpent() {
        take("client", "sub:ada", 3);

        assertThat(take("client", "sub:ada", 1).get(0).isAllowed()).isFalse();
        assertThat(take("client", "sub:grace", 1).get(0).isAllowed()).isTrue();
        assertThat(take("anonymous", "ip:203.0.113.7", 2)).extracting(RateLimiter.Response::isAllowed)
                .containsExactly(true, false);
    }

    private List<RateLimiter.Response> take(String budget, String key, int times) {
        List<RateLimiter.Response> answers = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            answers.add(limiter.isAllowed(budget, key).block());
        }
        return answers;
    }

    private void advanceMillis(long millis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
