package dev.competency.platform.security;

import java.util.ArrayList;
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
 * The platform roles a token carries, read the same way by the gateway and by every service: the names in the
 * {@code roles} claim and in Keycloak's {@code realm_access.roles}, each either a JSON array or one string of names
 * separated by commas or spaces. Names are matched without regard to case; names outside the platform's roles (such as
 * Keycloak's {@code offline_access}) are ignored. Scopes ({@code scope}, {@code scp}) are not roles.
 */
public final class TokenRoles {

    /** The platform's roles, as the identity provider names them. */
    public static final List<String> NAMES = List.of("LEARNER", "MANAGER", "ASSESSOR", "AUTHOR", "ANALYST", "ADMIN");

    private TokenRoles() {
    }

    /** The platform roles of a validated token, upper-case, in the order the token names them. */
    public static Set<String> of(Jwt jwt) {
        return of(jwt.getClaims());
    }

    /** The platform roles among the claims of a token (an access token, or an ID token), in the order named. */
    public static Set<String> of(Map<String, ?> claims) {
        Set<String> roles = new LinkedHashSet<>();
        for (String name : names(claims)) {
            String upper = name.toUpperCase(Locale.ROOT);
            if (NAMES.contains(upper)) {
                roles.add(upper);
            }
        }
        return roles;
    }

    /** The roles as Spring Security authorities: {@code ROLE_<NAME>}, what {@code hasRole(NAME)} checks. */
    public static List<GrantedAuthority> authorities(Map<String, ?> claims) {
        return of(claims).stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }

    private static List<String> names(Map<String, ?> claims) {
        List<String> names = new ArrayList<>(strings(claims.get("roles")));
        if (claims.get("realm_access") instanceof Map<?, ?> realm) {
            names.addAll(strings(realm.get("roles")));
        }
        return names;
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
