package dev.competency.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * xAPI Basic credentials the LRS (the assessments service) accepted lately, so later requests with them take from the
 * bucket of their client key (the Basic user name) instead of their address's. Only the gateway's copy of the outcome
 * is kept, by a SHA-256 of the header, never the secret. The service checks the credentials on every request; this
 * only chooses a bucket. An entry lives {@value #REMEMBER_MINUTES} minutes after the last acceptance.
 */
final class XapiClients {

    static final int REMEMBER_MINUTES = 10;
    private static final String SCHEME = "Basic ";

    private final Cache<String, String> accepted = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(REMEMBER_MINUTES))
            .build();

    /** The client key of {@code authorization} if the LRS accepted exactly these credentials lately. */
    Optional<String> accepted(String authorization) {
        return Optional.ofNullable(accepted.getIfPresent(digest(authorization)));
    }

    /** Notes that the LRS accepted {@code authorization}; ignored when it is not well-formed Basic credentials. */
    void accept(String authorization) {
        clientKey(authorization).ifPresent(key -> accepted.put(digest(authorization), key));
    }

    static boolean isBasic(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    private static Optional<String> clientKey(String authorization) {
        if (!isBasic(authorization)) {
            return Optional.empty();
        }
        try {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(SCHEME.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon > 0 ? Optional.of(pair.substring(0, colon)) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static String digest(String authorization) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(authorization.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
