package dev.competency.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class ValidatedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final List<String> validated = new ArrayList<>();

    /** Accepts tokens named "valid-<seconds to expiry>", refuses every other one; records each validation. */
    private final ReactiveJwtDecoder validating = token -> {
        validated.add(token);
        if (!token.startsWith("valid-")) {
            return Mono.error(new BadJwtException("signature does not match"));
        }
        Instant expiresAt = NOW.plusSeconds(Long.parseLong(token.substring("valid-".length())));
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("ada").issuedAt(NOW.minusSeconds(1))
                .expiresAt(expiresAt).build());
    };

    private ValidatedTokenCache cache(int capacity) {
        return new ValidatedTokenCache(validating, capacity, new MovableClock());
    }

    @Test
    void aValidTokenIsCheckedOnceUntilItExpires() {
        ValidatedTokenCache cache = cache(10);
        Jwt first = cache.decode("valid-300").block();
        Jwt second = cache.decode("valid-300").block();

        assertThat(second).isSameAs(first);
        assertThat(validated).containsExactly("valid-300");
    }

    @Test
    void anExpiredEntryIsValidatedAgain() {
        MovableClock moving = new MovableClock();
        ValidatedTokenCache cache = new ValidatedTokenCache(validating, 10, moving);
        cache.decode("valid-300").block();

        moving.now = NOW.plusSeconds(300);
        cache.decode("valid-300").block();

        assertThat(validated).containsExactly("valid-300", "valid-300");
    }

    @Test
    void aRefusalIsNeverRemembered() {
        ValidatedTokenCache cache = cache(10);
        assertThatThrownBy(() -> cache.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged").block()).isInstanceOf(BadJwtException.class);

        assertThat(validated).containsExactly("forged", "forged");
        assertThat(cache.size()).isZero();
    }

    @Test
    void anAlteredCopyOfAValidTokenIsValidatedOnItsOwn() {
        ValidatedTokenCache cache = cache(10);
        cache.decode("valid-300").block();

        assertThatThrownBy(() -> cache.decode("valid-300x").block()).isInstanceOf(RuntimeException.class);
        assertThat(validated).containsExactly("valid-300", "valid-300x");
    }

    @Test
    void holdsNoMoreThanItsCapacity() {
        MovableClock moving = new MovableClock();
        ValidatedTokenCache cache = new ValidatedTokenCache(validating, 3, moving);
        cache.decode("valid-10").block();
        cache.decode("valid-20").block();
        cache.decode("valid-300").block();
        moving.now = NOW.plusSeconds(20);

        // Full: the two expired tokens make room, the live one stays.
        cache.decode("valid-400").block();
        assertThat(cache.size()).isEqualTo(2);
        cache.decode("valid-300").block();
        assertThat(validated).containsExactly("valid-10", "valid-20", "valid-300", "valid-400");

        // Full of live tokens: starts again rather than grow.
        cache.decode("valid-500").block();
        cache.decode("valid-600").block();
        assertThat(cache.size()).isEqualTo(1);
    }

    private static final class MovableClock extends Clock {

        private Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
