package dev.competency.gateway.devissuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local development token issuer: one RSA key, RS256 access tokens with the claims the platform reads
 * ({@code roles}, {@code org_unit}, {@code team_id}, {@code managed_teams}) for the demo accounts. Exists only in the
 * {@code local} profile; a real OpenID Connect provider takes its place everywhere else.
 */
public class DevIssuer {

    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);
    static final String KEY_FILE = "dev-issuer-signing-key.jwk.json";
    private static final Logger log = LoggerFactory.getLogger(DevIssuer.class);

    private final String issuer;
    private final RSAKey key;
    private final Clock clock;

    DevIssuer(String issuer, RSAKey key, Clock clock) {
        this.issuer = issuer;
        this.key = key;
        this.clock = clock;
    }

    public RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException("The development issuer's key has no RSA public part", e);
        }
    }

    String jwksKeyId() {
        return key.getKeyID();
    }

    String issuer() {
        return issuer;
    }

    /** The public JWK set, as served at {@code /dev-issuer/jwks}. */
    Map<String, Object> jwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject(true);
    }

    /** A signed access token for the account, valid for {@link #TOKEN_LIFETIME}. */
    String issue(DemoAccount account, String clientId) {
        return sign(accountClaims(account, clientId, clock.instant(), TOKEN_LIFETIME).build());
    }

    /** The access token of an authorization-code sign-in, valid for {@code lifetime}, naming the sign-in. */
    String issueAccessToken(DemoAccount account, String clientId, Duration lifetime, String signInId) {
        return sign(accountClaims(account, clientId, clock.instant(), lifetime).claim("sid", signInId).build());
    }

    /**
     * The OpenID Connect ID token: for the client ({@code aud}), echoing the {@code nonce} of the authorization
     * request, with the same profile and platform claims as the access token.
     */
    String issueIdToken(DemoAccount account, String clientId, Duration lifetime, String signInId, String nonce,
                        Instant authenticatedAt) {
        JWTClaimsSet.Builder claims = accountClaims(account, clientId, clock.instant(), lifetime)
                .audience(clientId)
                .claim("sid", signInId)
                .claim("auth_time", authenticatedAt.getEpochSecond());
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        return sign(claims.build());
    }

    /** The claims of a token this issuer signed (expired or not), or empty when it did not sign it. */
    Optional<JWTClaimsSet> signedClaims(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            return issuer.equals(claims.getIssuer()) ? Optional.of(claims) : Optional.empty();
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    private JWTClaimsSet.Builder accountClaims(DemoAccount account, String clientId, Instant now, Duration lifetime) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(account.subject())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("azp", clientId)
                .claim("preferred_username", account.name())
                .claim("roles", account.roles())
                .claim("managed_teams", account.managedTeams());
        if (account.organisationUnit() != null) {
            claims.claim("org_unit", account.organisationUnit());
        }
        if (account.teamId() != null) {
            claims.claim("team_id", account.teamId());
        }
        return claims;
    }

    /** Signs any claims with the issuer's key (tests use it for expired and foreign tokens). */
    String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("The development issuer could not sign a token", e);
        }
        return jwt.serialize();
    }

    /**
     * The issuer with a key kept in {@code keyDirectory} (made on first use and reused after, so tokens survive a
     * restart), or a fresh key for this run when no directory is given.
     */
    static DevIssuer create(String issuer, Path keyDirectory, Clock clock) {
        return new DevIssuer(issuer, keyDirectory == null ? newKey() : storedKey(keyDirectory), clock);
    }

    private static RSAKey storedKey(Path directory) {
        Path file = directory.resolve(KEY_FILE);
        try {
            if (Files.exists(file)) {
                log.info("Development issuer signs with the key in {}", file);
                return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            Files.createDirectories(directory);
            RSAKey key = newKey();
            Path partial = Files.createTempFile(directory, KEY_FILE, ".tmp");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(partial, key.toJSONString(), StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            log.info("Development issuer made a new key and keeps it in {}", file);
            return key;
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("Cannot read or write the development issuer's key in " + directory, e);
        }
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate the development issuer's RSA key", e);
        }
    }
}
