package dev.competency.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class ValidatedTokensTest {

    private static final Instant START = Instant.parse("2026-12-01T12:00:00Z");

    private final List<String> validated = new ArrayList<>();
    private final ManualClock clock = new ManualClock();
    private final ValidatedTokens tokens = new ValidatedTokens(clock, clock::nanos);

    /** Accepts tokens named "valid-<seconds to expiry>" and "no-expiry", refuses every other one; records each check. */
    private final ReactiveJwtDecoder validating = token -> {
        validated.add(token);
        Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("ada").issuedAt(START);
        if (token.equals("no-expiry")) {
            return Mono.just(jwt.build());
        }
        if (!token.startsWith("valid-")) {
            return Mono.error(new BadJwtException("signature does not match"));
        }
        return Mono.just(jwt.expiresAt(START.plusSeconds(Long.parseLong(token.substring("valid-".length())))).build());
    };
    private final ReactiveJwtDecoder decoder = tokens.remembering(validating);

    @Test
    void checksValidTokenOnce_whenSentAgainBeforeItExpires() {
        Jwt first = decoder.decode("valid-300").block();
        clock.advance(Duration.ofSeconds(299));
        Jwt second = decoder.decode("valid-300").block();

        assertThat(second).isSameAs(first);
        assertThat(validated).containsExactly("valid-300");
        assertThat(tokens.subject("valid-300")).hasValue("ada");
    }

    @Test
    void checksTokenAgain_whenItsExpiryHasPassed() {
        decoder.decode("valid-300").block();

        clock.advance(Duration.ofSeconds(300));

        assertThat(tokens.subject("valid-300")).isEmpty();
        decoder.decode("valid-300").block();
        assertThat(validated).containsExactly("valid-300", "valid-300");
    }

    @Test
    void keepsEachTokenToItsOwnExpiry_whenTokensExpireAtDifferentTimes() {
        decoder.decode("valid-10").block();
        decoder.decode("valid-600").block();

        clock.advance(Duration.ofSeconds(11));

        assertThat(tokens.subject("valid-10")).isEmpty();
        assertThat(tokens.subject("valid-600")).hasValue("ada");
    }

    @Test
    void remembersNothing_whenTokenIsRefused() {
        assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);

        assertThat(validated).containsExactly("forged", "forged");
        assertThat(tokens.subject("forged")).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void validatesAlteredCopy_whenOriginalWasValid() {
        decoder.decode("valid-300").block();

        assertThatThrownBy(() -> decoder.decode("valid-300x").block()).isInstanceOf(RuntimeException.class);
        assertThat(validated).containsExactly("valid-300", "valid-300x");
    }

    @Test
    void remembersNothing_whenTokenHasNoExpiry() {
        decoder.decode("no-expiry").block();
        decoder.decode("no-expiry").block();

        assertThat(validated).containsExactly("no-expiry", "no-expiry");
    }

    @Test
    void holdsNoMoreThanItsCapacity_whenManyTokensAreValid() {
        for (int i = 0; i < ValidatedTokens.CAPACITY * 2; i++) {
            decoder.decode("valid-" + (600 + i)).block();
        }

        assertThat(tokens.size()).isLessThanOrEqualTo(ValidatedTokens.CAPACITY);
    }

    /** Wall time and the cache's ticker, moved together by hand. */
    private static final class ManualClock extends Clock {

        private Duration elapsed = Duration.ZERO;

        void advance(Duration by) {
            elapsed = elapsed.plus(by);
        }

        long nanos() {
            return elapsed.toNanos();
        }

        @Override
        public Instant instant() {
            return START.plus(elapsed);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
