package dev.competency.gateway.signin;

import dev.competency.gateway.security.SecurityProperties;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The gateway as the portal's backend-for-frontend: it signs people in with the OpenID Connect authorization-code
 * flow (PKCE always on) and keeps their tokens in the server-side session, so tokens never reach the browser. The
 * session's access token is relayed to the services ({@code TokenRelay}) and refreshed with the refresh token when it
 * is about to expire.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalClientProperties.class)
public class PortalSignInConfiguration {

    /** The registration id: the last segment of the callback path {@code /login/oauth2/code/portal}. */
    public static final String REGISTRATION_ID = "portal";
    public static final String LOGIN_PATH = "/oauth2/authorization/" + REGISTRATION_ID;

    PortalSignInConfiguration(@Value("${platform.gateway.session.store:memory}") String sessionStore) {
        // Say so at start instead of keeping sessions where the operator did not ask for them.
        if (!sessionStore.equals("memory") && !sessionStore.equals("redis")) {
            throw new IllegalStateException("platform.gateway.session.store (SESSION_STORE) '" + sessionStore
                    + "' is unknown; use 'memory' or 'redis'");
        }
    }

    /**
     * The one client registration, built from configuration. The issuer ({@code OIDC_ISSUER_URI}) is what ID tokens
     * must name; it is not asked for its discovery document.
     */
    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(PortalClientProperties client,
                                                             SecurityProperties security) {
        Map<String, Object> metadata = new HashMap<>();
        if (client.endSessionUri() != null) {
            metadata.put("end_session_endpoint", client.endSessionUri());
        }
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("Competency portal")
                .clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(client.scopes())
                .authorizationUri(client.authorizationUri())
                .tokenUri(client.tokenUri())
                .jwkSetUri(client.jwkSetUri())
                .userInfoUri(client.userInfoUri())
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .issuerUri(security.issuer())
                .providerConfigurationMetadata(metadata)
                .build();
        return new InMemoryReactiveClientRegistrationRepository(registration);
    }

    /** Tokens live in the session (in Redis with {@code SESSION_STORE=redis}), never in a cookie or the browser. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /**
     * Gives the token relay a session's access token, refreshed when it expires within a minute. {@code clock} is for
     * tests that need a token to look expired.
     */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
                                                                  ServerOAuth2AuthorizedClientRepository clients,
                                                                  ObjectProvider<Clock> clock) {
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken(refresh -> refresh.clock(clock.getIfAvailable(Clock::systemUTC)))
                .build());
        return new SessionAuthorizedClients(manager);
    }

    @Bean
    RouterFunction<ServerResponse> sessionRoute(ReactiveOAuth2AuthorizedClientManager clients,
                                                ReactiveJwtDecoder accessTokens) {
        SessionEndpoint endpoint = new SessionEndpoint(clients, accessTokens);
        return RouterFunctions.route().GET("/session", endpoint::session).build();
    }
}
