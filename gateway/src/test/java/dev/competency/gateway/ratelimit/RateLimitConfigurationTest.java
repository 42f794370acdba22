package dev.competency.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.competency.gateway.problem.Problems;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** Which store {@code RATE_LIMIT_STORE} chooses, and that a wrong value stops the gateway with a clear message. */
class RateLimitConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(RateLimitConfiguration.class)
            .withBean(Problems.class, () -> mock(Problems.class))
            .withBean(ReactiveStringRedisTemplate.class, () -> mock(ReactiveStringRedisTemplate.class))
            .withPropertyValues("platform.gateway.rate-limit.requests-per-second=5",
                    "platform.gateway.rate-limit.burst=10");

    @Test
    void keepsBucketsInMemory_byDefault() {
        context.run(started -> assertThat(started).getBean(RateLimitStore.class)
                .isInstanceOf(InMemoryRateLimitStore.class));
    }

    @Test
    void sharesBucketsInRedis_whenAskedFor() {
        context.withPropertyValues("platform.gateway.rate-limit.store=redis").run(started ->
                assertThat(started).getBean(RateLimitStore.class).isInstanceOf(RedisRateLimitStore.class));
    }

    @Test
    void refusesToStart_withUnknownStore() {
        context.withPropertyValues("platform.gateway.rate-limit.store=memcached").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("'memcached' is unknown; use 'memory' or 'redis'"));
    }
}
