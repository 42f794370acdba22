package dev.competency.contracts.learners;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The xAPI {@code mbox_sha1sum} of an e-mail address: the SHA-1 of its {@code mailto:} IRI, hex-encoded. The address
 * is taken in lower case, as the platform compares addresses without regard to case, so the producer of
 * {@code learner.registered} and a consumer matching an xAPI actor's {@code mbox} arrive at the same value.
 */
public final class MailboxHash {

    private static final String MAILTO = "mailto:";

    private MailboxHash() {
    }

    /**
     * @param email an e-mail address such as {@code amara.okafor@example.com}
     * @throws IllegalArgumentException if {@code email} is null or blank
     */
    public static String ofAddress(String email) {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("email must not be blank");
        }
        return sha1Hex(MAILTO + email.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * @param mbox an xAPI {@code mbox}, a {@code mailto:} IRI such as {@code mailto:amara.okafor@example.com}
     * @throws IllegalArgumentException if {@code mbox} is not a {@code mailto:} IRI with an address
     */
    public static String ofMbox(String mbox) {
        if (mbox == null || !mbox.regionMatches(true, 0, MAILTO, 0, MAILTO.length())) {
            throw new IllegalArgumentException("mbox must be a mailto: IRI but was " + mbox);
        }
        return ofAddress(mbox.substring(MAILTO.length()));
    }

    private static String sha1Hex(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-1", e);
        }
    }
}
