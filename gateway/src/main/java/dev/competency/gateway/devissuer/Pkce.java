package dev.competency.gateway.devissuer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** PKCE with S256 (RFC 7636 §4.6): what a challenge looks like and whether a verifier answers it. */
final class Pkce {

    private Pkce() {
    }

    /** A challenge is the base64url encoding, without padding, of a SHA-256 hash: 43 characters. */
    static boolean isChallenge(String value) {
        return value != null && value.length() == 43 && unreserved(value);
    }

    static boolean verifies(String verifier, String challenge) {
        if (verifier == null || verifier.length() < 43 || verifier.length() > 128 || !unreserved(verifier)) {
            return false;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            String computed = Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
            return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                    challenge.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static boolean unreserved(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
