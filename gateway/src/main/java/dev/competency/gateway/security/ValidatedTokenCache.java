package dev.competency.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens that passed validation until they expire, so a client that sends the same token with every
 * request costs one signature check, not one per request. At 500 requests/s the check and the claim parsing were
 * about a tenth of the gateway's CPU.
 *
 * <p>The key is the whole token, signature included: only a byte-identical copy of a token that was valid is
 * answered from here, so a forged or altered token always goes through the full validation, and a refusal is never
 * remembered. An entry is used only before the token's {@code exp}; after that the token is validated again, with
 * the clock skew the validators allow. A token without an expiry is not remembered. When more tokens than
 * {@code capacity} are held, expired ones are dropped and, if that is not enough, all of them.
 */
final class ValidatedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder validating;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Jwt> valid = new ConcurrentHashMap<>();

    ValidatedTokenCache(ReactiveJwtDecoder validating, int capacity, Clock clock) {
        this.validating = validating;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = valid.get(token);
        if (known != null) {
            if (clock.instant().isBefore(known.getExpiresAt())) {
                return Mono.just(known);
            }
            valid.remove(token, known);
        }
        return validating.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    int size() {
        return valid.size();
    }

    private void remember(String token, Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null || capacity <= 0) {
            return;
        }
        if (valid.size() >= capacity) {
            Instant now = clock.instant();
            for (Iterator<Jwt> entries = valid.values().iterator(); entries.hasNext(); ) {
                if (!now.isBefore(entries.next().getExpiresAt())) {
                    entries.remove();
                }
            }
            if (valid.size() >= capacity) {
                valid.clear();
            }
        }
        valid.put(token, jwt);
    }
}
