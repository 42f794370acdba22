package dev.competency.platform.service.security;

import dev.competency.platform.problem.ProblemType;
import dev.competency.platform.security.PublicKeyPem;
import dev.competency.platform.security.TokenRoles;
import dev.competency.platform.service.web.Problems;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service is an OAuth2 resource server: each request but the probes and metrics needs a valid bearer token
 * from the configured issuer, even when it did not come through the gateway. Roles come from the token; what a
 * role may see is decided by each service's access policy, and {@link AllowedRoles} on a controller method checks
 * roles before the body is read. The other management endpoints are for admins only. Failures are problem details:
 * 401 without or with a bad token, 403 when the roles or the policy refuse.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class ServiceSecurityConfiguration {

    /**
     * Paths open without a token: probes for the orchestrator (statuses only; details for admins), metrics for
     * Prometheus, the API document (it describes the operations, each of which still needs its token; the gateway's
     * Swagger UI reads it without one), error rendering.
     */
    public static final String[] OPEN_PATHS = {
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs",
            "/error"};
    /** The rest of the management endpoints: admins only. */
    public static final String MANAGEMENT_PATHS = "/actuator/**";

    @Bean
    SecurityFilterChain serviceSecurity(HttpSecurity http, JsonMapper json) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(OPEN_PATHS).permitAll()
                        .requestMatchers(MANAGEMENT_PATHS).hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(token -> new JwtAuthenticationToken(token,
                                TokenRoles.authorities(token.getClaims()), token.getSubject())))
                        .authenticationEntryPoint((request, response, failure) -> Problems.write(response, json,
                                HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHENTICATED,
                                "A valid bearer token from the platform's identity provider is required")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, failure) -> Problems.write(response, json,
                                HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHENTICATED,
                                "A valid bearer token from the platform's identity provider is required"))
                        .accessDeniedHandler((request, response, failure) -> Problems.write(response, json,
                                HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, "Your roles do not allow this")));
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        if (!StringUtils.hasText(properties.issuer())) {
            throw new IllegalStateException("platform.security.issuer (OIDC_ISSUER_URI) must name the token issuer");
        }
        NimbusJwtDecoder decoder;
        if (StringUtils.hasText(properties.publicKey())) {
            decoder = NimbusJwtDecoder.withPublicKey(PublicKeyPem.rsa(properties.publicKey())).build();
        } else if (StringUtils.hasText(properties.jwkSetUri())) {
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        } else {
            decoder = NimbusJwtDecoder.withIssuerLocation(properties.issuer()).build();
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer())));
        return decoder;
    }

    @Bean
    WebMvcConfigurer callerArgumentResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AllowedRolesInterceptor());
            }
        };
    }
}
