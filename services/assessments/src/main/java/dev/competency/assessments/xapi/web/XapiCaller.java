package dev.competency.assessments.xapi.web;

import dev.competency.assessments.access.AssessmentAccessPolicy;
import dev.competency.assessments.provider.query.ActivityProviderClient;
import dev.competency.platform.service.security.AccessDenied;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.security.CallerArgumentResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who sent an xAPI request: an activity-provider client (HTTP Basic) or a platform user (bearer token).
 *
 * @param homePage the account home page the LRS uses in the {@code authority} it sets
 */
record XapiCaller(ActivityProviderClient client, Caller user, String homePage) {

    /** The caller of an xAPI resource, refused unless {@code access} lets them use the xAPI resources. */
    static XapiCaller of(Authentication authentication, String homePage, AssessmentAccessPolicy access) {
        XapiCaller caller;
        if (authentication != null && authentication.getPrincipal() instanceof ActivityProviderClient client) {
            caller = new XapiCaller(client, null, homePage);
        } else if (authentication instanceof JwtAuthenticationToken token) {
            caller = new XapiCaller(null, CallerArgumentResolver.fromJwt(token.getToken()), homePage);
        } else {
            throw new AccessDenied("This operation needs an authenticated caller");
        }
        access.requireStatementAccess(caller.client(), caller.user());
        return caller;
    }

    /** The identifier of the actor that evidence from this caller's statements is attributed to. */
    String actorId() {
        return client != null ? client.key() : user.subject();
    }

    /**
     * The {@code authority} of a statement this caller stores. A client an admin registered as a trusted authority
     * (for example another LRS forwarding statements) keeps the authority it submitted, which the validator has
     * checked (an Agent, or an anonymous Group of two Agents); for everyone else the LRS asserts who sent it, as an
     * Agent with an account on this LRS whose name is the client key (or the user's subject).
     */
    JsonNode authority(JsonNode submitted) {
        if (submitted != null && client != null && client.trustedAuthority()) {
            return submitted;
        }
        ObjectNode authority = JsonNodeFactory.instance.objectNode();
        authority.put("objectType", "Agent");
        authority.put("name", client != null ? client.name() : user.subject());
        authority.putObject("account").put("homePage", homePage).put("name", actorId());
        return authority;
    }
}
