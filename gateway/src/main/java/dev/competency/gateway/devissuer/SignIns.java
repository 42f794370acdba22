package dev.competency.gateway.devissuer;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the development issuer remembers between the steps of an authorization-code sign-in: one-time codes (60 s,
 * bound to client, redirect URI, PKCE challenge, nonce and account) and refresh tokens, which rotate at every use.
 * A refresh token presented a second time means it leaked or two parties raced for it: the whole sign-in it belongs
 * to is ended, so its newest refresh token stops working too. Everything lives in memory and dies with the process,
 * like the issuer's default key.
 */
public class SignIns {

    static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofHours(8);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Refresh> refreshTokens = new ConcurrentHashMap<>();
    /** Refresh tokens already exchanged, with the sign-in they belonged to, until they would have expired. */
    private final Map<String, Refresh> spentRefreshTokens = new ConcurrentHashMap<>();

    SignIns(Clock clock) {
        this.clock = clock;
    }

    /**
     * An authorization request the person approved by signing in.
     *
     * @param signInId the {@code sid} of the sign-in, shared by every token it yields
     */
    record Grant(String clientId, String redirectUri, String codeChallenge, String nonce, String scope,
                 DemoAccount account, String signInId, Instant authenticatedAt) {
    }

    private record Code(Grant grant, Instant expiresAt) {
    }

    /** What a refresh token stands for. */
    record Refresh(DemoAccount account, String clientId, String scope, String signInId, Instant expiresAt) {
    }

    static String newSignInId() {
        return random();
    }

    String issueCode(Grant grant) {
        purgeExpired();
        String code = random();
        codes.put(code, new Code(grant, clock.instant().plus(CODE_LIFETIME)));
        return code;
    }

    /** The grant behind the code, once: the code is gone afterwards, whatever the caller does with it. */
    Optional<Grant> redeemCode(String code) {
        Code redeemed = code == null ? null : codes.remove(code);
        if (redeemed == null || !clock.instant().isBefore(redeemed.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(redeemed.grant());
    }

    String issueRefreshToken(DemoAccount account, String clientId, String scope, String signInId) {
        purgeExpired();
        String token = random();
        refreshTokens.put(token, new Refresh(account, clientId, scope, signInId,
                clock.instant().plus(REFRESH_TOKEN_LIFETIME)));
        return token;
    }

    /**
     * Takes a refresh token out of use and answers what it stood for; the caller issues the next one. A token that
     * was used before ends its sign-in.
     */
    Optional<Refresh> spendRefreshToken(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Refresh refresh = refreshTokens.remove(token);
        if (refresh == null) {
            Refresh replayed = spentRefreshTokens.get(token);
            if (replayed != null) {
                endSignIn(replayed.signInId());
            }
            return Optional.empty();
        }
        spentRefreshTokens.put(token, refresh);
        if (!clock.instant().isBefore(refresh.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(refresh);
    }

    /** Forgets a sign-in: its refresh tokens stop working (access tokens already issued run until they expire). */
    void endSignIn(String signInId) {
        refreshTokens.values().removeIf(refresh -> refresh.signInId().equals(signInId));
    }

    /** Ends every sign-in of a person, as an administrator would after a lost laptop. */
    public void endSignInsOf(String subject) {
        refreshTokens.values().removeIf(refresh -> refresh.account().subject().equals(subject));
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        codes.values().removeIf(code -> !now.isBefore(code.expiresAt()));
        refreshTokens.values().removeIf(refresh -> !now.isBefore(refresh.expiresAt()));
        spentRefreshTokens.values().removeIf(refresh -> !now.isBefore(refresh.expiresAt()));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
