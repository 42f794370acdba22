package dev.competency.platform.service.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces {@link AllowedRoles} after the request is mapped to a controller method and before its arguments are
 * resolved, that is, before the body is read.
 */
public class AllowedRolesInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        AllowedRoles allowed = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), AllowedRoles.class);
        if (allowed == null) {
            allowed = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), AllowedRoles.class);
        }
        if (allowed == null) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)
                || !CallerArgumentResolver.fromJwt(token.getToken()).hasAny(allowed.value())) {
            throw new AccessDenied("Your roles do not allow this; it needs one of "
                    + String.join(", ", Arrays.stream(allowed.value()).map(Role::name).toList()));
        }
        return true;
    }
}
