package dev.competency.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Signs bearer tokens for tests with a key pair made for this JVM. Services under test trust it through
 * {@link #serviceProperties()}; tokens signed with {@link #forged} use another key and must be rejected.
 */
public final class TestTokens {

    public static final String ISSUER = "https://identity.test/realms/competency";

    private static final KeyPair TRUSTED = generate();
    private static final KeyPair UNTRUSTED = generate();

    private TestTokens() {
    }

    /** The settings that make a service trust tokens from this class: issuer and public key. */
    public static List<String> serviceProperties() {
        return List.of("platform.security.issuer=" + ISSUER, "platform.security.public-key=" + publicKeyPem());
    }

    /** Makes a Spring test context (for example a {@code @WebMvcTest}) trust tokens from this class. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("platform.security.issuer", () -> ISSUER);
        registry.add("platform.security.public-key", TestTokens::publicKeyPem);
    }

    public static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(TRUSTED.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----";
    }

    /** A valid token for the subject with the given roles (names of the platform's roles). */
    public static String token(String subject, String... roles) {
        return token(subject, Map.of("roles", List.of(roles)));
    }

    /** A valid token for the subject with extra claims, e.g. {@code managed_teams} or {@code org_unit}. */
    public static String token(String subject, Map<String, Object> claims) {
        return sign(TRUSTED, ISSUER, subject, claims, Instant.now().plus(Duration.ofMinutes(10)));
    }

    /** A token that expired a minute ago. */
    public static String expired(String subject, String... roles) {
        return sign(TRUSTED, ISSUER, subject, Map.of("roles", List.of(roles)), Instant.now().minusSeconds(60));
    }

    /** A token signed with a key nobody trusts. */
    public static String forged(String subject, String... roles) {
        return sign(UNTRUSTED, ISSUER, subject, Map.of("roles", List.of(roles)),
                Instant.now().plus(Duration.ofMinutes(10)));
    }

    /** A token from another issuer, signed with the trusted key. */
    public static String fromOtherIssuer(String subject, String... roles) {
        return sign(TRUSTED, "https://elsewhere.test", subject, Map.of("roles", List.of(roles)),
                Instant.now().plus(Duration.ofMinutes(10)));
    }

    private static String sign(KeyPair keys, String issuer, String subject, Map<String, Object> claims,
                               Instant expiresAt) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(expiresAt));
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), builder.build());
        try {
            jwt.sign(new RSASSASigner(keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
