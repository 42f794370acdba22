package dev.competency.gateway.ratelimit;

import reactor.core.publisher.Mono;

/** Holds the clients' token buckets: in this process, or in a store that several replicas share. */
public interface RateLimitStore {

    /** Takes one token from the bucket of {@code clientKey} if there is one. */
    Mono<RateLimitDecision> take(String clientKey);
}
