package dev.competency.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.competency.gateway.problem.Problems;
import dev.competency.gateway.security.ValidatedTokensForTests;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.gateway.filter.ratelimit.Bucket4jRateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** Which limiter {@code RATE_LIMIT_STORE} chooses, and that a wrong setting stops the gateway with a clear message. */
class RateLimitConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(RateLimitConfiguration.class)
            .withBean(Problems.class, () -> mock(Problems.class))
            .withBean(ReactiveStringRedisTemplate.class, () -> mock(ReactiveStringRedisTemplate.class))
            .withBean(dev.competency.gateway.security.ValidatedTokens.class,
                    () -> new ValidatedTokensForTests().tokens())
            .withPropertyValues("platform.gateway.rate-limit.requests-per-second=5",
                    "platform.gateway.rate-limit.burst=10");

    @Test
    void keepsBucketsInMemory_whenNoStoreIsNamed() {
        context.run(started -> assertThat(started.getBean(RateLimitFilter.class).limiter())
                .isInstanceOf(Bucket4jRateLimiter.class));
    }

    @Test
    void sharesBucketsInRedis_whenAskedFor() {
        context.withPropertyValues("platform.gateway.rate-limit.store=redis").run(started ->
                assertThat(started.getBean(RateLimitFilter.class).limiter()).isInstanceOf(RedisRateLimiter.class));
    }

    @Test
    void refusesToStart_whenStoreIsUnknown() {
        context.withPropertyValues("platform.gateway.rate-limit.store=memcached").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("'memcached' is unknown; use 'memory' or 'redis'"));
    }

    @Test
    void refusesToStart_whenBurstIsBelowTheRate() {
        context.withPropertyValues("platform.gateway.rate-limit.anonymous-requests-per-second=20",
                "platform.gateway.rate-limit.anonymous-burst=5").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("a burst of at least requests-per-second"));
    }

    @Test
    void givesAnonymousCallersTheClientBudget_whenTheirsIsNotSet() {
        RateLimitProperties properties = new RateLimitProperties(null, 5, 10, 0, 0);

        assertThat(properties.anonymous().requestsPerSecond()).isEqualTo(5);
        assertThat(properties.anonymous().burst()).isEqualTo(10);
        assertThat(properties.store()).isEqualTo("memory");
    }
}
