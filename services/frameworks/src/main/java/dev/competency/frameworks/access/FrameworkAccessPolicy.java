package dev.competency.frameworks.access;

import dev.competency.platform.service.security.AccessDenied;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.security.Role;
import org.springframework.stereotype.Component;

/**
 * Every access rule of the frameworks service, in one place.
 *
 * <ul>
 *   <li>Frameworks, role profiles and learning resources are public to the organisation: every authenticated
 *       caller reads them (the security filter has already rejected requests without a valid token).</li>
 *   <li>Authors and admins create, edit, import, publish and retire them.</li>
 *   <li>Admins rebuild the read models (the Axon starter's {@code ReadModelController}, for admins only).</li>
 * </ul>
 */
@Component
public class FrameworkAccessPolicy {

    /** Reading: any authenticated caller; the parameter documents that a caller was resolved. */
    public void requireReader(Caller caller) {
        if (caller == null) {
            throw new AccessDenied("This operation needs an authenticated caller");
        }
    }

    public void requireAuthor(Caller caller) {
        if (caller == null || !caller.hasAny(Role.AUTHOR, Role.ADMIN)) {
            throw new AccessDenied("Only authors change frameworks, role profiles and learning resources");
        }
    }
}
