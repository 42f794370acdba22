package dev.competency.platform.service.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles of which a caller needs at least one to use a controller method (or every method of a controller),
 * checked before the request body is read or validated: a caller without them gets 403 whatever they sent. Rules
 * that depend on the data (ownership, organisation units) stay in the service's access policy.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AllowedRoles {

    Role[] value();
}
