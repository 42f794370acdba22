package dev.competency.gateway.signin;

import dev.competency.platform.security.TokenRoles;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /session}: who the browser is signed in as, from the claims of the session's current access token
 * (refreshed first if it is about to expire), or where to sign in. Tokens themselves never appear. It also makes
 * sure the {@code XSRF-TOKEN} cookie is set, which the portal echoes in {@code X-XSRF-TOKEN} on every change.
 */
class SessionEndpoint {

    private final ReactiveOAuth2AuthorizedClientManager clients;
    private final ReactiveJwtDecoder accessTokens;

    SessionEndpoint(ReactiveOAuth2AuthorizedClientManager clients, ReactiveJwtDecoder accessTokens) {
        this.clients = clients;
        this.accessTokens = accessTokens;
    }

    /** The answer for a signed-in browser; {@code organisationUnit} and {@code teamId} may be null. */
    record SignedIn(boolean authenticated, String subject, String username, String name, Set<String> roles,
                    String organisationUnit, String teamId, List<String> managedTeams, Instant expiresAt) {
    }

    record SignedOut(boolean authenticated, String loginUrl) {
    }

    Mono<ServerResponse> session(ServerRequest request) {
        ServerWebExchange exchange = request.exchange();
        Mono<Object> body = exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .cast(OAuth2AuthenticationToken.class)
                .flatMap(authentication -> clients.authorize(OAuth2AuthorizeRequest
                                .withClientRegistrationId(authentication.getAuthorizedClientRegistrationId())
                                .principal(authentication)
                                .attribute(ServerWebExchange.class.getName(), exchange)
                                .build())
                        .flatMap(client -> signedIn(client, authentication)))
                .onErrorResume(SessionEnded.class, ended -> Mono.empty())
                .switchIfEmpty(Mono.fromSupplier(() -> new SignedOut(false, PortalSignInConfiguration.LOGIN_PATH)));
        return csrfToken(exchange).then(body).flatMap(answer -> ServerResponse.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(answer));
    }

    private Mono<Object> signedIn(OAuth2AuthorizedClient client, OAuth2AuthenticationToken authentication) {
        Instant expiresAt = client.getAccessToken().getExpiresAt();
        return accessTokens.decode(client.getAccessToken().getTokenValue())
                .map(jwt -> jwt.getClaims())
                // An access token that is not a JWT: the ID token's claims are the best account of the person.
                .onErrorResume(JwtException.class, notJwt -> Mono.just(idTokenClaims(authentication)))
                .map(claims -> view(claims, expiresAt));
    }

    private static Map<String, Object> idTokenClaims(OAuth2AuthenticationToken authentication) {
        return authentication.getPrincipal() instanceof OidcUser user ? user.getClaims()
                : authentication.getPrincipal().getAttributes();
    }

    private static SignedIn view(Map<String, Object> claims, Instant expiresAt) {
        String username = text(claims.get("preferred_username"));
        String name = text(claims.get("name"));
        return new SignedIn(true, text(claims.get("sub")), username, name != null ? name : username,
                TokenRoles.of(claims), text(claims.get("org_unit")), text(claims.get("team_id")),
                strings(claims.get("managed_teams")), expiresAt);
    }

    private static String text(Object claim) {
        return claim == null ? null : String.valueOf(claim);
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(String.valueOf(claim));
    }

    /** Subscribing to the lazily made CSRF token is what writes its cookie. */
    private static Mono<Void> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token.then();
    }
}
