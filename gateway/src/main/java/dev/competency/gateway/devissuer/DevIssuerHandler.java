package dev.competency.gateway.devissuer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The issuer's discovery document, keys and token endpoint. The token endpoint speaks OAuth 2.0 (RFC 6749):
 * authorization code with PKCE and refresh tokens for the portal client (which authenticates with its secret, as
 * HTTP Basic or in the form), password grant for the demo people, client-credentials grant for the demo clients, and
 * RFC 6749 error bodies ({@code invalid_grant}, {@code invalid_client}, ...) because that is what OAuth clients
 * understand.
 */
class DevIssuerHandler {

    private final DevIssuer issuer;
    private final SignIns signIns;
    private final PortalClient portal;

    DevIssuerHandler(DevIssuer issuer, SignIns signIns, PortalClient portal) {
        this.issuer = issuer;
        this.signIns = signIns;
        this.portal = portal;
    }

    Mono<ServerResponse> jwks(ServerRequest request) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(issuer.jwks());
    }

    Mono<ServerResponse> discovery(ServerRequest request) {
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("issuer", issuer.issuer());
        configuration.put("jwks_uri", issuer.issuer() + "/jwks");
        configuration.put("authorization_endpoint", issuer.issuer() + "/authorize");
        configuration.put("token_endpoint", issuer.issuer() + "/token");
        configuration.put("end_session_endpoint", issuer.issuer() + "/logout");
        configuration.put("grant_types_supported",
                List.of("authorization_code", "refresh_token", "password", "client_credentials"));
        configuration.put("response_types_supported", List.of("code"));
        configuration.put("response_modes_supported", List.of("query"));
        configuration.put("code_challenge_methods_supported", List.of("S256"));
        configuration.put("scopes_supported", List.of("openid", "profile"));
        configuration.put("token_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post"));
        configuration.put("subject_types_supported", List.of("public"));
        configuration.put("id_token_signing_alg_values_supported", List.of("RS256"));
        configuration.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "sid",
                "jti", "azp", "preferred_username", "roles", "org_unit", "team_id", "managed_teams"));
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(configuration);
    }

    Mono<ServerResponse> token(ServerRequest request) {
        return request.formData().flatMap(form -> switch (String.valueOf(form.getFirst("grant_type"))) {
            case "authorization_code" -> authorizationCodeGrant(request, form);
            case "refresh_token" -> refreshTokenGrant(request, form);
            case "password" -> passwordGrant(form);
            case "client_credentials" -> clientCredentialsGrant(request, form);
            default -> error(HttpStatus.BAD_REQUEST, "unsupported_grant_type",
                    "grant_type must be authorization_code, refresh_token, password or client_credentials");
        });
    }

    private Mono<ServerResponse> authorizationCodeGrant(ServerRequest request, MultiValueMap<String, String> form) {
        if (!portalClientAuthenticated(request, form)) {
            return invalidClient();
        }
        // The code is spent by this call whatever follows: a code that failed once cannot be tried again.
        Optional<SignIns.Grant> redeemed = signIns.redeemCode(form.getFirst("code"));
        if (redeemed.isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, "invalid_grant", "The code is unknown, used or expired");
        }
        SignIns.Grant grant = redeemed.get();
        if (!grant.redirectUri().equals(form.getFirst("redirect_uri"))) {
            return error(HttpStatus.BAD_REQUEST, "invalid_grant",
                    "redirect_uri differs from the one of the authorization request");
        }
        if (!Pkce.verifies(form.getFirst("code_verifier"), grant.codeChallenge())) {
            return error(HttpStatus.BAD_REQUEST, "invalid_grant",
                    "code_verifier is missing or does not match the code_challenge");
        }
        Map<String, Object> body = signInTokens(grant.account(), grant.scope(), grant.signInId());
        body.put("id_token", issuer.issueIdToken(grant.account(), portal.clientId(), portal.accessTokenLifetime(),
                grant.signInId(), grant.nonce(), grant.authenticatedAt()));
        return ok(body);
    }

    private Mono<ServerResponse> refreshTokenGrant(ServerRequest request, MultiValueMap<String, String> form) {
        if (!portalClientAuthenticated(request, form)) {
            return invalidClient();
        }
        Optional<SignIns.Refresh> spent = signIns.spendRefreshToken(form.getFirst("refresh_token"));
        if (spent.isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, "invalid_grant", "The refresh token is unknown, used or expired");
        }
        SignIns.Refresh refresh = spent.get();
        return ok(signInTokens(refresh.account(), refresh.scope(), refresh.signInId()));
    }

    /** An access token and the next refresh token of a sign-in. */
    private Map<String, Object> signInTokens(DemoAccount account, String scope, String signInId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issuer.issueAccessToken(account, portal.clientId(), portal.accessTokenLifetime(),
                signInId));
        body.put("token_type", "Bearer");
        body.put("expires_in", portal.accessTokenLifetime().toSeconds());
        body.put("refresh_token", signIns.issueRefreshToken(account, portal.clientId(), scope, signInId));
        body.put("scope", scope);
        return body;
    }

    private boolean portalClientAuthenticated(ServerRequest request, MultiValueMap<String, String> form) {
        String[] basic = basicCredentials(request.headers().firstHeader(HttpHeaders.AUTHORIZATION));
        String clientId = basic != null ? basic[0] : form.getFirst("client_id");
        String secret = basic != null ? basic[1] : form.getFirst("client_secret");
        return portal.clientId().equals(clientId) && secret != null && MessageDigest.isEqual(
                portal.secret().getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }

    private Mono<ServerResponse> passwordGrant(MultiValueMap<String, String> form) {
        Optional<DemoAccount> user = find(DemoAccount.USERS, form.getFirst("username"), form.getFirst("password"));
        if (user.isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, "invalid_grant", "Unknown username or wrong password");
        }
        String clientId = Optional.ofNullable(form.getFirst("client_id")).orElse(portal.clientId());
        return tokenResponse(issuer.issue(user.get(), clientId));
    }

    private Mono<ServerResponse> clientCredentialsGrant(ServerRequest request, MultiValueMap<String, String> form) {
        String[] basic = basicCredentials(request.headers().firstHeader(HttpHeaders.AUTHORIZATION));
        String clientId = basic != null ? basic[0] : form.getFirst("client_id");
        String secret = basic != null ? basic[1] : form.getFirst("client_secret");
        Optional<DemoAccount> client = find(DemoAccount.CLIENTS, clientId, secret);
        if (client.isEmpty()) {
            return invalidClient();
        }
        return tokenResponse(issuer.issue(client.get(), client.get().name()));
    }

    private static Mono<ServerResponse> invalidClient() {
        return ServerResponse.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"dev-issuer\"")
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("error", "invalid_client", "error_description", "Unknown client or wrong secret"));
    }

    static Optional<DemoAccount> find(List<DemoAccount> accounts, String name, String secret) {
        if (name == null || secret == null) {
            return Optional.empty();
        }
        return accounts.stream()
                .filter(account -> account.name().equals(name))
                .filter(account -> MessageDigest.isEqual(account.secret().getBytes(StandardCharsets.UTF_8),
                        secret.getBytes(StandardCharsets.UTF_8)))
                .findFirst();
    }

    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            // RFC 6749 §2.3.1: client id and secret are form-urlencoded before they are joined.
            return colon < 0 ? null : new String[] {
                    URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Mono<ServerResponse> tokenResponse(String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("token_type", "Bearer");
        body.put("expires_in", DevIssuer.TOKEN_LIFETIME.toSeconds());
        return ok(body);
    }

    private static Mono<ServerResponse> ok(Map<String, Object> body) {
        return ServerResponse.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private static Mono<ServerResponse> error(HttpStatus status, String code, String description) {
        return ServerResponse.status(status).cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("error", code, "error_description", description));
    }
}
