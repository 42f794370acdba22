package dev.competency.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-client rate limits ({@code platform.gateway.rate-limit.*}): a token bucket per client that holds {@code burst}
 * requests and refills at {@code requestsPerSecond}.
 *
 * @param store {@code memory}: this instance only, no infrastructure; {@code redis}: shared by all replicas
 * @param requestsPerSecond the sustained rate a client may keep up ({@code RATE_LIMIT_PER_SECOND})
 * @param burst how many requests a client may send at once after a pause ({@code RATE_LIMIT_BURST})
 */
@ConfigurationProperties("platform.gateway.rate-limit")
public record RateLimitProperties(String store, double requestsPerSecond, int burst) {

    public RateLimitProperties {
        store = store == null || store.isBlank() ? "memory" : store;
        if (requestsPerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException(
                    "platform.gateway.rate-limit needs requests-per-second > 0 and burst >= 1");
        }
    }
}
