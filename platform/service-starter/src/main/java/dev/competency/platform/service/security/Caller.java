package dev.competency.platform.service.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is calling, as the validated bearer token says: the subject (a learner's id is their subject), the roles,
 * and the organisational facts ownership rules need. Controllers take it as a method parameter.
 *
 * @param subject the token's {@code sub}
 * @param roles the roles from the token's {@code roles} claim (or Keycloak's {@code realm_access.roles})
 * @param organisationUnit the {@code org_unit} claim, if any
 * @param managedTeams the {@code managed_teams} claim: teams this person manages
 * @param clientId the OAuth client the token was issued to ({@code azp} or {@code client_id}), if any
 */
public record Caller(String subject, Set<Role> roles, String organisationUnit, Set<String> managedTeams,
                     String clientId) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        managedTeams = Set.copyOf(managedTeams);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... candidates) {
        for (Role role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean manages(String teamId) {
        return teamId != null && managedTeams.contains(teamId);
    }
}
