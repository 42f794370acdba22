package dev.competency.assessments.xapi.web;

import dev.competency.assessments.provider.query.ActivityProviderClient;
import dev.competency.platform.service.security.AccessDenied;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.security.CallerArgumentResolver;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who sent an xAPI request: an activity-provider client (HTTP Basic) or a platform user (bearer token).
 *
 * @param homePage the account home page the LRS uses in the {@code authority} it sets
 */
record XapiCaller(ActivityProviderClient client, Caller user, String homePage) {

    static XapiCaller of(Authentication authentication, String homePage) {
        if (authentication != null && authentication.getPrincipal() instanceof ActivityProviderClient client) {
            return new XapiCaller(client, null, homePage);
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            return new XapiCaller(null, CallerArgumentResolver.fromJwt(token.getToken()), homePage);
        }
        throw new AccessDenied("This operation needs an authenticated caller");
    }

    /** The identifier of the actor that evidence from this caller's statements is attributed to. */
    String actorId() {
        return client != null ? client.key() : user.subject();
    }

    /** The {@code authority} of the statements this caller stores: an Agent with an account on this LRS. */
    Map<String, Object> authority() {
        return Map.of("objectType", "Agent",
                "name", client != null ? client.name() : user.subject(),
                "account", Map.of("homePage", homePage, "name", actorId()));
    }
}
