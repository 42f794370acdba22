package dev.competency.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * Token buckets in this process: no infrastructure, but each replica limits on its own, so behind N replicas a
 * client gets up to N times the rate. A bucket that has been idle long enough to be full again is forgotten (it
 * would behave exactly like a new one), so memory follows the number of recently active clients.
 */
public class InMemoryRateLimitStore implements RateLimitStore {

    private static final int SWEEP_EVERY = 4096;

    private final double tokensPerNano;
    private final int burst;
    private final long refillNanos;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    public InMemoryRateLimitStore(double requestsPerSecond, int burst) {
        this(requestsPerSecond, burst, System::nanoTime);
    }

    InMemoryRateLimitStore(double requestsPerSecond, int burst, LongSupplier nanoClock) {
        this.tokensPerNano = requestsPerSecond / TimeUnit.SECONDS.toNanos(1);
        this.burst = burst;
        this.refillNanos = (long) Math.ceil(burst / tokensPerNano);
        this.nanoClock = nanoClock;
    }

    @Override
    public Mono<RateLimitDecision> take(String clientKey) {
        return Mono.fromSupplier(() -> takeNow(clientKey));
    }

    RateLimitDecision takeNow(String clientKey) {
        long now = nanoClock.getAsLong();
        // compute() runs under the map's lock for this key, so refill and take are one atomic step.
        Bucket bucket = buckets.compute(clientKey, (key, previous) -> refilled(previous, now).take());
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            forgetIdle(now);
        }
        if (bucket.granted()) {
            return new RateLimitDecision(true, (long) Math.floor(bucket.tokens()), Duration.ZERO);
        }
        long waitNanos = (long) Math.ceil((1 - bucket.tokens()) / tokensPerNano);
        return new RateLimitDecision(false, 0, Duration.ofNanos(waitNanos));
    }

    int trackedClients() {
        return buckets.size();
    }

    void forgetIdle(long now) {
        buckets.forEach((key, bucket) -> {
            if (now - bucket.updatedAt() >= refillNanos) {
                buckets.computeIfPresent(key, (k, current) -> now - current.updatedAt() >= refillNanos ? null : current);
            }
        });
    }

    private Bucket refilled(Bucket previous, long now) {
        if (previous == null) {
            return new Bucket(burst, now, false);
        }
        double tokens = Math.min(burst, previous.tokens() + (now - previous.updatedAt()) * tokensPerNano);
        return new Bucket(tokens, now, false);
    }

    private record Bucket(double tokens, long updatedAt, boolean granted) {

        Bucket take() {
            return tokens >= 1 ? new Bucket(tokens - 1, updatedAt, true) : this;
        }
    }
}
