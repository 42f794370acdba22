package dev.competency.platform.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.platform.security.TokenRoles;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerArgumentResolverTest {

    @Test
    void findsARole_whenATokenCarriesAnyOfTheRoleNames() {
        assertThat(Arrays.stream(Role.values()).map(Role::name).toList()).isEqualTo(TokenRoles.NAMES);
    }

    @Test
    void describesTheCaller_whenTheTokenCarriesRolesInBothClaimsAndOrganisationalFacts() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("manager-1").issuedAt(Instant.EPOCH)
                .claim("roles", "manager")
                .claim("realm_access", Map.of("roles", List.of("offline_access", "ASSESSOR")))
                .claim("org_unit", "unit-7").claim("managed_teams", "team-1, team-2").claim("azp", "portal")
                .build();

        Caller caller = CallerArgumentResolver.fromJwt(jwt);

        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.MANAGER, Role.ASSESSOR);
        assertThat(caller.organisationUnit()).isEqualTo("unit-7");
        assertThat(caller.managedTeams()).containsExactlyInAnyOrder("team-1", "team-2");
        assertThat(caller.clientId()).isEqualTo("portal");
    }
}
