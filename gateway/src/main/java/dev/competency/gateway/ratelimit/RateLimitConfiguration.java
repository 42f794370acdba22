package dev.competency.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.competency.gateway.problem.Problems;
import dev.competency.gateway.security.ValidatedTokens;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.Bucket4jRateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Where the token buckets live ({@code platform.gateway.rate-limit.store}): {@code memory}, in this process (Bucket4j,
 * idle buckets forgotten once full again), or {@code redis}, shared by all replicas (Spring Cloud Gateway's
 * {@link RedisRateLimiter} and its script; connection from {@code spring.data.redis.*}). Either limiter keeps one
 * configuration per {@link RateLimitProperties.Budget budget}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    /** Buckets held in memory at most; beyond that the least recently used are dropped. */
    static final int IN_MEMORY_CLIENTS = 100_000;

    @Bean
    RateLimitFilter rateLimitFilter(RateLimitProperties properties, ObjectProvider<ReactiveStringRedisTemplate> redis,
                                    ObjectProvider<ConfigurationService> configurations, ValidatedTokens tokens,
                                    Problems problems) {
        RateLimiter<?> limiter = switch (properties.store()) {
            case "memory" -> inMemory(properties, TimeMeter.SYSTEM_MILLISECONDS);
            case "redis" -> redis(properties, redis.getObject(), configurations.getIfAvailable());
            // Say so at start instead of running with limits the operator did not ask for.
            default -> throw new IllegalStateException("platform.gateway.rate-limit.store (RATE_LIMIT_STORE) '"
                    + properties.store() + "' is unknown; use 'memory' or 'redis'");
        };
        return new RateLimitFilter(limiter, properties, tokens, new XapiClients(), problems);
    }

    static Bucket4jRateLimiter inMemory(RateLimitProperties properties, TimeMeter clock) {
        var buckets = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(IN_MEMORY_CLIENTS))
                .clientClock(clock)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
        Bucket4jRateLimiter limiter = new Bucket4jRateLimiter(buckets.asAsync(), null);
        for (RateLimitProperties.Budget budget : List.of(properties.client(), properties.anonymous())) {
            limiter.getConfig().put(budget.name(), new Bucket4jRateLimiter.Config()
                    .setCapacity(budget.burst())
                    .setRefillTokens((long) budget.requestsPerSecond())
                    .setRefillPeriod(Duration.ofSeconds(1))
                    .setRequestedTokens(1));
        }
        return limiter;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static RedisRateLimiter redis(RateLimitProperties properties, ReactiveStringRedisTemplate redis,
                                  ConfigurationService configurations) {
        RedisScript<List<Long>> script = (RedisScript) RedisScript.of(
                new ClassPathResource("META-INF/scripts/request_rate_limiter.lua"), List.class);
        RedisRateLimiter limiter = new RedisRateLimiter(redis, script, configurations);
        for (RateLimitProperties.Budget budget : List.of(properties.client(), properties.anonymous())) {
            limiter.getConfig().put(budget.name(), new RedisRateLimiter.Config()
                    .setReplenishRate(budget.requestsPerSecond())
                    .setBurstCapacity(budget.burst())
                    .setRequestedTokens(1));
        }
        return limiter;
    }
}
