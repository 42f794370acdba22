package dev.competency.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis, shared by every gateway replica, so a client gets the configured rate however many
 * replicas serve it. Each request costs one script call ({@code ratelimit/take-token.lua}) that refills and takes
 * atomically on Redis's clock; idle buckets expire on their own.
 */
public class RedisRateLimitStore implements RateLimitStore {

    static final String KEY_PREFIX = "gateway:rate-limit:";
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final RedisScript<List<Long>> TAKE_TOKEN = (RedisScript) RedisScript.of(
            new ClassPathResource("ratelimit/take-token.lua"), List.class);

    private final ReactiveStringRedisTemplate redis;
    private final String tokensPerMicrosecond;
    private final String burst;

    public RedisRateLimitStore(ReactiveStringRedisTemplate redis, double requestsPerSecond, int burst) {
        this.redis = redis;
        this.tokensPerMicrosecond = Double.toString(requestsPerSecond / 1_000_000);
        this.burst = Integer.toString(burst);
    }

    @Override
    public Mono<RateLimitDecision> take(String clientKey) {
        return redis.execute(TAKE_TOKEN, List.of(KEY_PREFIX + clientKey), List.of(tokensPerMicrosecond, burst))
                .next()
                .map(RedisRateLimitStore::decision);
    }

    private static RateLimitDecision decision(List<Long> result) {
        boolean allowed = result.get(0) == 1;
        return new RateLimitDecision(allowed, result.get(1),
                allowed ? Duration.ZERO : Duration.ofNanos(result.get(2) * 1_000));
    }
}
