package dev.competency.gateway.devissuer;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The one browser client the development issuer knows: the gateway signing people in for the portal. It is
 * confidential (its secret is the gateway's {@code OIDC_CLIENT_SECRET}) and may only be sent back to the gateway's
 * own callback, on the origin the request came through or on one of the portal's configured origins.
 *
 * @param clientId the client id ({@code OIDC_CLIENT_ID})
 * @param secret the client secret ({@code OIDC_CLIENT_SECRET})
 * @param allowedOrigins origins besides the request's own that may receive codes and signed-out browsers
 * @param accessTokenLifetime how long access tokens of a sign-in live; refresh tokens renew them
 */
record PortalClient(String clientId, String secret, List<String> allowedOrigins, Duration accessTokenLifetime) {

    static final String CALLBACK_PATH = "/login/oauth2/code/portal";

    PortalClient {
        allowedOrigins = allowedOrigins.stream().map(PortalClient::origin).filter(origin -> origin != null).toList();
    }

    /** Whether codes may be sent to {@code redirectUri} for a request that reached the issuer at {@code requestUri}. */
    boolean acceptsRedirect(String redirectUri, URI requestUri) {
        URI uri = parse(redirectUri);
        return uri != null && uri.getRawQuery() == null && uri.getRawFragment() == null
                && CALLBACK_PATH.equals(uri.getRawPath()) && trustedOrigin(uri, requestUri);
    }

    /** Whether a signed-out browser may be sent to {@code uri}: any page of a trusted origin. */
    boolean acceptsPostLogoutRedirect(String postLogoutUri, URI requestUri) {
        URI uri = parse(postLogoutUri);
        return uri != null && uri.getRawFragment() == null && trustedOrigin(uri, requestUri);
    }

    static String origin(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return null;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private boolean trustedOrigin(URI uri, URI requestUri) {
        String origin = origin(uri);
        return origin != null && (origin.equals(origin(requestUri)) || allowedOrigins.contains(origin));
    }

    private static String origin(String configured) {
        return origin(parse(configured.trim()));
    }

    private static URI parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getRawUserInfo() == null ? uri : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
