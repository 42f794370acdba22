package dev.competency.platform.service.security;

/**
 * Thrown by a service's access policy when the caller may not do what they asked; answered with 403 and the
 * reason, which must not reveal data the caller may not see.
 */
public class AccessDenied extends RuntimeException {

    public AccessDenied(String reason) {
        super(reason);
    }
}
