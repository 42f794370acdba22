package dev.competency.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenRolesTest {

    @Test
    void readsRolesClaim_whenItIsAnArray() {
        assertThat(TokenRoles.of(Map.of("roles", List.of("AUTHOR", "LEARNER")))).containsExactly("AUTHOR", "LEARNER");
    }

    @Test
    void readsRolesClaim_whenItIsOneStringSeparatedByCommasOrSpaces() {
        assertThat(TokenRoles.of(Map.of("roles", " learner, manager  analyst")))
                .containsExactly("LEARNER", "MANAGER", "ANALYST");
    }

    @Test
    void readsPlatformRolesOnly_whenTokenCarriesKeycloakRealmRoles() {
        Map<String, Object> claims = Map.of("realm_access",
                Map.of("roles", List.of("offline_access", "analyst", "uma_authorization")));

        assertThat(TokenRoles.of(claims)).containsExactly("ANALYST");
    }

    @Test
    void mergesRolesWithoutRepeatingOne_whenTokenHasRolesAndRealmRoles() {
        Map<String, Object> claims = Map.of("roles", List.of("ADMIN"),
                "realm_access", Map.of("roles", List.of("admin", "ASSESSOR")));

        assertThat(TokenRoles.of(claims)).containsExactly("ADMIN", "ASSESSOR");
    }

    @Test
    void findsNoRoles_whenClaimsAreMissingBlankOrOfAnotherShape() {
        assertThat(TokenRoles.of(Map.of())).isEmpty();
        assertThat(TokenRoles.of(Map.of("roles", "  "))).isEmpty();
        assertThat(TokenRoles.of(Map.of("roles", 42, "realm_access", "ADMIN"))).isEmpty();
        assertThat(TokenRoles.of(Map.of("realm_access", Map.of("roles", Map.of("ADMIN", true))))).isEmpty();
    }

    @Test
    void ignoresScopes_whenTokenCarriesThem() {
        assertThat(TokenRoles.of(Map.of("scope", "ADMIN openid", "scp", List.of("ADMIN")))).isEmpty();
    }

    @Test
    void givesAuthoritiesThatHasRoleChecks_whenTokenIsValidated() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("learner-1").issuedAt(Instant.EPOCH)
                .claim("roles", List.of("learner")).build();

        assertThat(TokenRoles.of(jwt)).containsExactly("LEARNER");
        assertThat(TokenRoles.authorities(jwt.getClaims())).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_LEARNER");
    }
}
