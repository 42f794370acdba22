package dev.competency.gateway.devissuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Bearer tokens for tests: good ones from the running development issuer, and the kinds the gateway must refuse. */
public final class TestTokens {

    private final DevIssuer issuer;

    public TestTokens(DevIssuer issuer) {
        this.issuer = issuer;
    }

    /** A valid token for a new subject (its own rate-limit bucket) with the given roles. */
    public String valid(String... roles) {
        return issuer.sign(claims(issuer.issuer(), Instant.now().plus(Duration.ofMinutes(5)), roles).build());
    }

    public String validFor(String subject, String... roles) {
        return issuer.sign(claims(issuer.issuer(), Instant.now().plus(Duration.ofMinutes(5)), roles)
                .subject(subject).build());
    }

    /** Roles where Keycloak puts them: {@code realm_access.roles}, no {@code roles} claim. */
    public String withKeycloakRealmRoles(String... roles) {
        return issuer.sign(claims(issuer.issuer(), Instant.now().plus(Duration.ofMinutes(5)))
                .claim("roles", null)
                .claim("realm_access", Map.of("roles", List.of(roles))).build());
    }

    /** Signed by the right key, expired ten minutes ago (well beyond the clock-skew allowance). */
    public String expired(String... roles) {
        return issuer.sign(claims(issuer.issuer(), Instant.now().minus(Duration.ofMinutes(10)), roles)
                .issueTime(Date.from(Instant.now().minus(Duration.ofMinutes(25))))
                .notBeforeTime(Date.from(Instant.now().minus(Duration.ofMinutes(25)))).build());
    }

    /** Signed by the right key, but claiming another issuer. */
    public String fromIssuer(String otherIssuer, String... roles) {
        return issuer.sign(claims(otherIssuer, Instant.now().plus(Duration.ofMinutes(5)), roles).build());
    }

    /** Right issuer and key id, signed by a key the issuer never had. */
    public String forged(String... roles) {
        try {
            RSAKey foreign = new RSAKeyGenerator(2048).keyID(issuer.jwksKeyId()).generate();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(foreign.getKeyID()).build(),
                    claims(issuer.issuer(), Instant.now().plus(Duration.ofMinutes(5)), roles).build());
            jwt.sign(new RSASSASigner(foreign));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet.Builder claims(String iss, Instant expiry, String... roles) {
        return new JWTClaimsSet.Builder()
                .issuer(iss)
                .subject("test-" + UUID.randomUUID())
                .issueTime(Date.from(Instant.now()))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of(roles));
    }
}
