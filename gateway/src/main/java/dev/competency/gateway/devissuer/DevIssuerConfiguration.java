package dev.competency.gateway.devissuer;

import dev.competency.gateway.security.CorsProperties;
import dev.competency.gateway.security.SecurityProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The development token issuer at {@code /dev-issuer}, for the local run only. It exists in the {@code local}
 * profile and refuses to start when {@code docker} or {@code k8s} is active as well, so a deployment cannot switch
 * it on by adding a profile: anyone holding its demo passwords could otherwise mint an ADMIN token.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
class DevIssuerConfiguration {

    static final String BASE = "/dev-issuer";

    DevIssuerConfiguration(Environment environment) {
        if (environment.acceptsProfiles(Profiles.of("docker | k8s"))) {
            throw new IllegalStateException("The development token issuer (profile 'local') must not run together "
                    + "with the 'docker' or 'k8s' profile; remove 'local' from SPRING_PROFILES_ACTIVE");
        }
    }

    @Bean
    DevIssuer devIssuer(SecurityProperties security, @Value("${platform.dev-issuer.key-dir:}") String keyDirectory) {
        return DevIssuer.create(security.issuer(),
                StringUtils.hasText(keyDirectory) ? Path.of(keyDirectory) : null, Clock.systemUTC());
    }

    @Bean
    SignIns devIssuerSignIns() {
        return new SignIns(Clock.systemUTC());
    }

    /**
     * The portal client as the gateway registers it: same id and secret ({@code OIDC_CLIENT_ID},
     * {@code OIDC_CLIENT_SECRET}), codes sent back to the gateway's callback on the request's origin or a portal
     * origin ({@code PORTAL_ORIGINS}).
     */
    @Bean
    PortalClient devIssuerPortalClient(@Value("${platform.portal-client.client-id}") String clientId,
                                       @Value("${platform.portal-client.client-secret}") String clientSecret,
                                       CorsProperties cors,
                                       @Value("${platform.dev-issuer.access-token-lifetime:5m}") Duration lifetime) {
        return new PortalClient(clientId, clientSecret, cors.allowedOrigins(), lifetime);
    }

    @Bean
    RouterFunction<ServerResponse> devIssuerRoutes(DevIssuer issuer, SignIns signIns, PortalClient portalClient) {
        DevIssuerHandler handler = new DevIssuerHandler(issuer, signIns, portalClient);
        AuthorizationEndpoint authorization = new AuthorizationEndpoint(issuer, signIns, portalClient,
                Clock.systemUTC());
        return RouterFunctions.route()
                .GET(BASE + "/jwks", handler::jwks)
                .GET(BASE + "/.well-known/openid-configuration", handler::discovery)
                .GET(BASE + "/authorize", authorization::showLoginPage)
                .POST(BASE + "/authorize", RequestPredicates.contentType(MediaType.APPLICATION_FORM_URLENCODED),
                        authorization::signIn)
                .POST(BASE + "/token", RequestPredicates.contentType(MediaType.APPLICATION_FORM_URLENCODED),
                        handler::token)
                .GET(BASE + "/logout", authorization::logout)
                .build();
    }
}
