package dev.competency.platform.service.security;

import dev.competency.platform.security.TokenRoles;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives controller methods the {@link Caller} of the current request. */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return fromJwt(token.getToken());
        }
        throw new AccessDenied("This operation needs an authenticated caller");
    }

    /** The caller a token describes. */
    public static Caller fromJwt(Jwt jwt) {
        return new Caller(jwt.getSubject(), roles(jwt), jwt.getClaimAsString("org_unit"),
                strings(jwt.getClaim("managed_teams")),
                jwt.hasClaim("azp") ? jwt.getClaimAsString("azp") : jwt.getClaimAsString("client_id"));
    }

    /** The platform roles of a token, read as the gateway reads them ({@link TokenRoles}). */
    public static Set<Role> roles(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        TokenRoles.of(jwt).forEach(name -> roles.add(Role.valueOf(name)));
        return roles;
    }

    /** A claim that lists names: a JSON array, or one string of names separated by commas or spaces. */
    private static Set<String> strings(Object claim) {
        Set<String> values = new HashSet<>();
        if (claim instanceof Collection<?> collection) {
            collection.forEach(value -> values.add(String.valueOf(value)));
        } else if (claim instanceof String text && !text.isBlank()) {
            values.addAll(List.of(text.split("[,\\s]+")));
        }
        return values;
    }
}
