package dev.competency.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Bearer tokens that passed validation, each remembered until its {@code exp}, so a client that sends the same token
 * with every request costs one signature check, not one per request. The key is the whole token, signature included:
 * only a byte-identical copy of a token that was valid is answered from here, so a forged or altered token always
 * goes through the full validation, and a refusal is never remembered. A token without an expiry is not remembered.
 * At most {@value #CAPACITY} tokens are held (one per active user or client, a few kilobytes each).
 */
@Component
public class ValidatedTokens {

    static final int CAPACITY = 4096;

    private final Cache<String, Jwt> valid;

    ValidatedTokens() {
        this(Clock.systemUTC(), Ticker.systemTicker());
    }

    /** {@code clock} judges a token's {@code exp}; {@code ticker} measures how long an entry has lived. */
    ValidatedTokens(Clock clock, Ticker ticker) {
        this.valid = Caffeine.newBuilder()
                .maximumSize(CAPACITY)
                .ticker(ticker)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(clock, jwt)))
                .build();
    }

    /** The subject of {@code token} when it was validated before and has not expired; no validation here. */
    public Optional<String> subject(String token) {
        Jwt jwt = valid.getIfPresent(token);
        return jwt == null ? Optional.empty() : Optional.ofNullable(jwt.getSubject());
    }

    /** {@code validating}, asked only for tokens not remembered here; what it accepts is remembered. */
    ReactiveJwtDecoder remembering(ReactiveJwtDecoder validating) {
        return token -> {
            Jwt known = valid.getIfPresent(token);
            return known != null ? Mono.just(known) : validating.decode(token).doOnNext(jwt -> valid.put(token, jwt));
        };
    }

    private static Duration untilExpiry(Clock clock, Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }

    long size() {
        valid.cleanUp();
        return valid.estimatedSize();
    }
}
