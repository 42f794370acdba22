package dev.competency.learners.learner.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SealedPersonalDataTest {

    /** Keys in a map: the cipher is what is tested here; LearnerKeys meets the store in LearnerEventStoreIT. */
    private final Map<String, byte[]> keys = new HashMap<>();
    private final SealedPersonalData personalData = new SealedPersonalData(new SealedPersonalData.Keys() {
        @Override
        public byte[] keyOf(String learnerId) {
            return keys.computeIfAbsent(learnerId, id -> {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                return key;
            });
        }

        @Override
        public Optional<byte[]> existingKeyOf(String learnerId) {
            return Optional.ofNullable(keys.get(learnerId));
        }

        @Override
        public void forget(String learnerId) {
            keys.remove(learnerId);
        }
    });

    @Test
    void hidesTheTextAndOpensToIt_whenAValueIsSealed() {
        String sealed = personalData.seal("ada", "Ada Lovelace <ada@example.org>");

        assertThat(sealed).startsWith("sealed:v1:").doesNotContain("Ada").doesNotContain("example");
        assertThat(personalData.open("ada", sealed)).contains("Ada Lovelace <ada@example.org>");
    }

    @Test
    void sealsDifferently_whenTheSameTextIsSealedTwice() {
        assertThat(personalData.seal("ada", "Ada")).isNotEqualTo(personalData.seal("ada", "Ada"));
    }

    @Test
    void leavesNothingReadable_whenTheKeyIsForgotten() {
        String sealed = personalData.seal("ada", "Ada");
        personalData.forget("ada");

        assertThat(personalData.open("ada", sealed)).isEmpty();
        // A new key after erasure does not open what the old one sealed.
        personalData.seal("ada", "someone new");
        assertThatThrownBy(() -> personalData.open("ada", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesToOpen_whenTheValueWasSealedForAnotherLearner() {
        String sealed = personalData.seal("ada", "Ada");
        personalData.seal("grace", "Grace");

        assertThatThrownBy(() -> personalData.open("grace", sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("grace");
    }

    @Test
    void refusesToOpen_whenTheSealedValueWasAltered() {
        String sealed = personalData.seal("ada", "Ada");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(SealedPersonalData.PREFIX.length()));
        bytes[bytes.length - 1] ^= 1;
        String altered = SealedPersonalData.PREFIX + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> personalData.open("ada", altered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void readsAValueAsItIs_whenItWasStoredBeforeSealing() {
        assertThat(personalData.open("ada", "Ada Lovelace")).contains("Ada Lovelace");
    }

    @Test
    void staysNull_whenNullIsSealed() {
        assertThat(personalData.seal("ada", null)).isNull();
        assertThat(personalData.open("ada", null)).isEmpty();
        assertThat(keys).doesNotContainKey("ada");
    }
}
