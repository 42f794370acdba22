package dev.competency.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/** The development issuer of the local profile: discovery, keys, and tokens the whole platform accepts. */
class DevIssuerTest extends LocalGatewayTest {

    @Test
    void publishesDiscoveryDocument_whenAsked() {
        client().get().uri("/dev-issuer/.well-known/openid-configuration").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.issuer").isEqualTo(ISSUER)
                .jsonPath("$.jwks_uri").isEqualTo(ISSUER + "/jwks")
                .jsonPath("$.token_endpoint").isEqualTo(ISSUER + "/token");
    }

    @Test
    void publishesOnlyThePublicKey_whenKeysAreAsked() {
        client().get().uri("/dev-issuer/jwks").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.keys[0].kty").isEqualTo("RSA")
                .jsonPath("$.keys[0].alg").isEqualTo("RS256")
                .jsonPath("$.keys[0].n").exists()
                .jsonPath("$.keys[0].d").doesNotExist()
                .jsonPath("$.keys[0].p").doesNotExist();
    }

    @Test
    void issuesTokenTheGatewayAccepts_whenDemoUserSignsIn() throws Exception {
        String token = passwordGrant("manager-maria", "manager-maria-pass");

        SignedJWT jwt = SignedJWT.parse(token);
        Map<String, Object> claims = jwt.getJWTClaimsSet().getClaims();
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(claims).containsEntry("iss", ISSUER)
                .containsEntry("roles", java.util.List.of("MANAGER"))
                .containsEntry("managed_teams", java.util.List.of("6233712f-50a9-4140-86c7-2a625148f704"))
                .containsEntry("org_unit", "Platform engineering")
                .containsKeys("sub", "iat", "exp", "jti");
        Instant expiry = jwt.getJWTClaimsSet().getExpirationTime().toInstant();
        assertThat(Duration.between(Instant.now(), expiry)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));

        client().get().uri("/api/analytics/team-readiness").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk();
    }

    @Test
    void issuesToken_whenDemoClientPresentsClientCredentials() throws Exception {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        client().post().uri("/dev-issuer/token").headers(h -> h.setBasicAuth("analytics-exporter", "analytics-exporter-secret"))
                .body(BodyInserters.fromFormData(form)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.token_type").isEqualTo("Bearer")
                .jsonPath("$.expires_in").isEqualTo(900)
                .jsonPath("$.access_token").value(token -> assertThat(roles((String) token)).containsExactly("ANALYST"));
    }

    @Test
    void answersOAuthError_whenPasswordIsWrong() {
        client().post().uri("/dev-issuer/token")
                .body(BodyInserters.fromFormData("grant_type", "password").with("username", "admin-ada")
                        .with("password", "guess"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_grant");
    }

    @Test
    void refusesToken_whenClientIsUnknown() {
        client().post().uri("/dev-issuer/token")
                .body(BodyInserters.fromFormData("grant_type", "client_credentials").with("client_id", "intruder")
                        .with("client_secret", "x"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_client");
    }

    private String passwordGrant(String username, String password) {
        Map<?, ?> response = client().post().uri("/dev-issuer/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "password").with("username", username)
                        .with("password", password))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) response.get("access_token");
    }

    private static java.util.List<String> roles(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim("roles");
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
