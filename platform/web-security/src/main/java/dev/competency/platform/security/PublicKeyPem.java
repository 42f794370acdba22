package dev.competency.platform.security;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The token issuer's public key as configured in {@code platform.security.public-key} ({@code JWT_PUBLIC_KEY}): an
 * X.509 {@code SubjectPublicKeyInfo} in PEM form, with or without its {@code BEGIN}/{@code END} lines and line breaks.
 */
public final class PublicKeyPem {

    private PublicKeyPem() {
    }

    /** The RSA key of a PEM; fails at startup, naming the property, when it is not one. */
    public static RSAPublicKey rsa(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException | IllegalArgumentException e) {
            throw new IllegalStateException("platform.security.public-key is not an RSA public key in PEM form", e);
        }
    }
}
