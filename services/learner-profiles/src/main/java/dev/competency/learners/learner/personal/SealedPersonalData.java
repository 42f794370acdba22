package dev.competency.learners.learner.personal;

import dev.competency.learners.learner.domain.PersonalData;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a key per learner and a fresh 96-bit nonce per value. The learner id is authenticated with each
 * value, so a value copied into another learner's event does not open. Sealed values read
 * {@code sealed:v1:<base64 of nonce and ciphertext>}; anything else is a value from before sealing.
 */
public class SealedPersonalData implements PersonalData {

    static final String PREFIX = "sealed:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** Where the learners' keys live. */
    public interface Keys {

        /** The learner's key, made and kept if there is none yet. */
        byte[] keyOf(String learnerId);

        /** The learner's key; empty when there was none or it was forgotten. */
        Optional<byte[]> existingKeyOf(String learnerId);

        void forget(String learnerId);
    }

    private final Keys keys;
    private final SecureRandom random = new SecureRandom();

    public SealedPersonalData(Keys keys) {
        this.keys = keys;
    }

    @Override
    public String seal(String learnerId, String value) {
        if (value == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.keyOf(learnerId), nonce, learnerId);
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal personal data", e);
        }
    }

    @Override
    public Optional<String> open(String learnerId, String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!value.startsWith(PREFIX)) {
            return Optional.of(value);
        }
        Optional<byte[]> key = keys.existingKeyOf(learnerId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key.get(), Arrays.copyOf(bytes, NONCE_BYTES),
                    learnerId);
            return Optional.of(new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES),
                    StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // Altered, or sealed for another learner: as unreadable as a forgotten key, and said so.
            throw new IllegalStateException("A sealed value of learner " + learnerId + " does not open", e);
        }
    }

    @Override
    public void forget(String learnerId) {
        keys.forget(learnerId);
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, String learnerId)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(learnerId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
