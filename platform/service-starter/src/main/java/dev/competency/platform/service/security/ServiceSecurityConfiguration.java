package dev.competency.platform.service.security;

import dev.competency.platform.problem.ProblemType;
import dev.competency.platform.service.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
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
                                CallerArgumentResolver.roles(token).stream()
                                        .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                                        .toList(), token.getSubject())))
                        .authenticationEntryPoint((request, response, failure) -> writeProblem(response, json,
                                HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHENTICATED,
                                "A valid bearer token from the platform's identity provider is required")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, failure) -> writeProblem(response, json,
                                HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHENTICATED,
                                "A valid bearer token from the platform's identity provider is required"))
                        .accessDeniedHandler((request, response, failure) -> writeProblem(response, json,
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
            decoder = NimbusJwtDecoder.withPublicKey(rsaPublicKey(properties.publicKey())).build();
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

    static RSAPublicKey rsaPublicKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException | IllegalArgumentException e) {
            throw new IllegalStateException("platform.security.public-key is not an RSA public key in PEM form", e);
        }
    }

    static void writeProblem(HttpServletResponse response, JsonMapper json, HttpStatus status, String slug,
                             String detail) throws IOException {
        Problems.write(response, json, status, slug, detail);
    }
}
