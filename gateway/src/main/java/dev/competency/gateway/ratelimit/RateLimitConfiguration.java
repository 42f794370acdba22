package dev.competency.gateway.ratelimit;

import dev.competency.gateway.problem.Problems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the token buckets live ({@code platform.gateway.rate-limit.store}): {@code memory}, in this process. The
 * filter only knows {@link RateLimitStore}, so a store shared by all replicas plugs in here.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    RateLimitStore rateLimitStore(RateLimitProperties properties) {
        if (!"memory".equals(properties.store())) {
            // A shared store is the next step (see gateway/README.md); until then say so instead of starting
            // with limits the operator did not ask for.
            throw new IllegalStateException("platform.gateway.rate-limit.store (RATE_LIMIT_STORE) '"
                    + properties.store() + "' is not available in this build; use 'memory'");
        }
        return new InMemoryRateLimitStore(properties.requestsPerSecond(), properties.burst());
    }

    @Bean
    RateLimitFilter rateLimitFilter(RateLimitStore store, Problems problems) {
        return new RateLimitFilter(store, problems);
    }
}
