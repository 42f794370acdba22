package dev.competency.gateway.ratelimit;

import dev.competency.gateway.problem.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Where the token buckets live ({@code platform.gateway.rate-limit.store}): {@code memory}, in this process, or
 * {@code redis}, shared by all replicas (connection from {@code spring.data.redis.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    RateLimitStore rateLimitStore(RateLimitProperties properties,
                                  ObjectProvider<ReactiveStringRedisTemplate> redis) {
        return switch (properties.store()) {
            case "memory" -> new InMemoryRateLimitStore(properties.requestsPerSecond(), properties.burst());
            case "redis" -> new RedisRateLimitStore(redis.getObject(), properties.requestsPerSecond(),
                    properties.burst());
            // Say so at start instead of running with limits the operator did not ask for.
            default -> throw new IllegalStateException("platform.gateway.rate-limit.store (RATE_LIMIT_STORE) '"
                    + properties.store() + "' is unknown; use 'memory' or 'redis'");
        };
    }

    @Bean
    RateLimitFilter rateLimitFilter(RateLimitStore store, Problems problems) {
        return new RateLimitFilter(store, problems);
    }
}
