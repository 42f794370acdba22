package dev.competency.gateway.devissuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevIssuerKeyTest {

    @TempDir
    Path keys;

    @Test
    void keepsKeySoTokensSurviveRestart_whenKeyDirectoryIsGiven() throws Exception {
        DevIssuer first = DevIssuer.create("http://127.0.0.1:8080/dev-issuer", keys, Clock.systemUTC());
        String token = first.issue(DemoAccount.USERS.get(0), "portal");

        DevIssuer restarted = DevIssuer.create("http://127.0.0.1:8080/dev-issuer", keys, Clock.systemUTC());

        assertThat(SignedJWT.parse(token).verify(new RSASSAVerifier(restarted.publicKey()))).isTrue();
        Path file = keys.resolve(DevIssuer.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void makesNewKeyEachRun_whenNoDirectoryIsGiven() {
        DevIssuer one = DevIssuer.create("http://127.0.0.1:8080/dev-issuer", null, Clock.systemUTC());
        DevIssuer two = DevIssuer.create("http://127.0.0.1:8080/dev-issuer", null, Clock.systemUTC());

        assertThat(one.publicKey()).isNotEqualTo(two.publicKey());
    }

    @Test
    void putsPlatformClaimsInTokens_whenIssuing() throws Exception {
        DevIssuer issuer = DevIssuer.create("http://127.0.0.1:8080/dev-issuer", null, Clock.systemUTC());
        DemoAccount learner = DemoAccount.USERS.get(0);

        var claims = SignedJWT.parse(issuer.issue(learner, "portal")).getJWTClaimsSet();

        assertThat(claims.getSubject()).isEqualTo(DemoAccount.DEMO_LEARNER);
        assertThat(claims.getStringListClaim("roles")).containsExactly("LEARNER");
        assertThat(claims.getStringClaim("org_unit")).isEqualTo(DemoAccount.DEMO_UNIT);
        assertThat(claims.getStringClaim("team_id")).isEqualTo(DemoAccount.DEMO_TEAM);
        assertThat(claims.getStringListClaim("managed_teams")).isEmpty();
        assertThat(claims.getJWTID()).isNotBlank();
    }
}
