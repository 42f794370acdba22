package dev.competency.gateway.ratelimit;

import java.time.Duration;

/**
 * Whether a client may make one more request now.
 *
 * @param allowed true when a token was taken
 * @param remaining whole tokens left in the client's bucket after this request
 * @param retryAfter when refused, how long until the next token; zero when allowed
 */
public record RateLimitDecision(boolean allowed, long remaining, Duration retryAfter) {
}
