package dev.competency.gateway.signin;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The tokens of a browser session, as the token relay and {@code /session} ask for them. Wraps Spring Security's
 * manager (which keeps them in the session and refreshes an expiring access token) with two rules:
 * <ul>
 *   <li>One refresh per session at a time. The portal sends several requests at once; when the access token has
 *       expired, each would otherwise redeem the same refresh token, and a provider that rotates refresh tokens
 *       refuses the second use (and may end the whole sign-in). Requests of a session that arrive while its tokens
 *       are being fetched wait for that answer.</li>
 *   <li>When the tokens cannot be had (the refresh token was refused, the provider lost the sign-in) the session is
 *       invalidated and {@link SessionEnded} raised, so the request answers 401 instead of reaching a service
 *       without a token.</li>
 * </ul>
 * The first rule holds within one gateway instance; with several replicas two of them may still refresh the same
 * session at once.
 */
class SessionAuthorizedClients implements ReactiveOAuth2AuthorizedClientManager {

    private final ReactiveOAuth2AuthorizedClientManager delegate;
    private final Map<String, Mono<OAuth2AuthorizedClient>> inFlight = new ConcurrentHashMap<>();

    SessionAuthorizedClients(ReactiveOAuth2AuthorizedClientManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizeRequest request) {
        return exchange(request).flatMap(exchange -> exchange.getSession().flatMap(session -> {
            String key = session.getId() + ' ' + request.getClientRegistrationId();
            Mono<OAuth2AuthorizedClient> shared = inFlight.computeIfAbsent(key, ignored -> delegate.authorize(request)
                    .doFinally(signal -> inFlight.remove(key))
                    .cache());
            return shared.onErrorMap(ClientAuthorizationException.class, failure -> new SessionEnded(failure))
                    .onErrorResume(SessionEnded.class, ended -> session.invalidate().then(Mono.error(ended)));
        })).switchIfEmpty(Mono.defer(() -> delegate.authorize(request)));
    }

    /** The request's exchange: named in the authorize request, or the current one from the Reactor context. */
    private static Mono<ServerWebExchange> exchange(OAuth2AuthorizeRequest request) {
        ServerWebExchange named = request.getAttribute(ServerWebExchange.class.getName());
        if (named != null) {
            return Mono.just(named);
        }
        return Mono.deferContextual(context -> Mono.justOrEmpty(context.getOrEmpty(ServerWebExchange.class)));
    }
}
