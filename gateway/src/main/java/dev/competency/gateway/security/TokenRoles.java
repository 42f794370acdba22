package dev.competency.gateway.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The platform roles a token carries, read the way the services read them: the {@code roles} claim, or Keycloak's
 * {@code realm_access.roles}. Names outside the platform's six roles are ignored.
 */
public final class TokenRoles {

    static final List<String> ROLES = List.of("LEARNER", "MANAGER", "ASSESSOR", "AUTHOR", "ANALYST", "ADMIN");

    private TokenRoles() {
    }

    static Set<String> of(Jwt jwt) {
        return of(jwt.getClaims());
    }

    /** The platform roles among the claims of a token. */
    public static Set<String> of(Map<String, Object> claims) {
        Set<String> names = new LinkedHashSet<>(strings(claims.get("roles")));
        if (claims.get("realm_access") instanceof Map<?, ?> realm) {
            names.addAll(strings(realm.get("roles")));
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String name : names) {
            String upper = name.toUpperCase(Locale.ROOT);
            if (ROLES.contains(upper)) {
                roles.add(upper);
            }
        }
        return roles;
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        return authorities(jwt.getClaims());
    }

    static Collection<GrantedAuthority> authorities(Map<String, Object> claims) {
        return of(claims).stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String text && !text.isBlank()) {
            return List.of(text.trim().split("[,\\s]+"));
        }
        return List.of();
    }
}
