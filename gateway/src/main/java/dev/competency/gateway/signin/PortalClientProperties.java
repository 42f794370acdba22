package dev.competency.gateway.signin;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's registration as an OpenID Connect client of the identity provider ({@code platform.portal-client.*}),
 * used to sign people in to the portal. Every endpoint is configured, none is discovered: locally the provider is the
 * gateway itself, and under docker-compose Keycloak may still be starting when the gateway does.
 *
 * @param clientId the client id at the provider ({@code OIDC_CLIENT_ID})
 * @param clientSecret the client secret ({@code OIDC_CLIENT_SECRET}); sent as HTTP Basic
 * @param authorizationUri where browsers are sent to sign in ({@code OIDC_AUTHORIZATION_URI}): an address the browser
 *                         can reach
 * @param tokenUri where the gateway redeems codes and refresh tokens ({@code OIDC_TOKEN_URI})
 * @param jwkSetUri the provider's signing keys, to verify ID tokens ({@code OIDC_JWK_SET_URI})
 * @param userInfoUri the provider's user-info endpoint, or empty to rely on the ID token ({@code OIDC_USER_INFO_URI})
 * @param endSessionUri the provider's end-session endpoint for RP-initiated logout ({@code OIDC_END_SESSION_URI})
 * @param scopes the scopes asked for ({@code OIDC_SCOPES}); {@code openid} is always among them
 */
@ConfigurationProperties("platform.portal-client")
public record PortalClientProperties(String clientId, String clientSecret, String authorizationUri, String tokenUri,
                                     String jwkSetUri, String userInfoUri, String endSessionUri, List<String> scopes) {

    public PortalClientProperties {
        require(clientId, "client-id (OIDC_CLIENT_ID)");
        require(clientSecret, "client-secret (OIDC_CLIENT_SECRET)");
        require(authorizationUri, "authorization-uri (OIDC_AUTHORIZATION_URI)");
        require(tokenUri, "token-uri (OIDC_TOKEN_URI)");
        require(jwkSetUri, "jwk-set-uri (OIDC_JWK_SET_URI)");
        userInfoUri = userInfoUri == null || userInfoUri.isBlank() ? null : userInfoUri;
        endSessionUri = endSessionUri == null || endSessionUri.isBlank() ? null : endSessionUri;
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid") : List.copyOf(scopes);
        if (!scopes.contains("openid")) {
            throw new IllegalArgumentException("platform.portal-client.scopes (OIDC_SCOPES) must include openid");
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("platform.portal-client." + name + " must be set");
        }
    }
}
