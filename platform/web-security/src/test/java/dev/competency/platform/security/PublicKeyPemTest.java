package dev.competency.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PublicKeyPemTest {

    @Test
    void readsTheKey_whenPemLinesAndLineBreaksArePresentOrNot() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();
        String base64 = Base64.getEncoder().encodeToString(key.getEncoded());
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";

        assertThat(PublicKeyPem.rsa(pem)).isEqualTo(key);
        assertThat(PublicKeyPem.rsa(base64)).isEqualTo(key);
    }

    @Test
    void failsNamingTheProperty_whenTheTextIsNotAnRsaKey() {
        assertThatThrownBy(() -> PublicKeyPem.rsa("-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("platform.security.public-key");
        assertThatThrownBy(() -> PublicKeyPem.rsa("AAAA")).isInstanceOf(IllegalStateException.class);
    }
}
