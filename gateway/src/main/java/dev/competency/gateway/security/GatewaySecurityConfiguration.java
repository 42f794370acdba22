package dev.competency.gateway.security;

import dev.competency.gateway.devissuer.DevIssuer;
import dev.competency.gateway.problem.Problems;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The gateway is an OAuth2 resource server in front of the services, which validate every token again. What is
 * open: the portal's files ({@code GET}/{@code HEAD} outside the API prefixes), probes and metrics, the development
 * issuer (present only in the {@code local} profile) and {@code /xapi/about}. xAPI requests with HTTP Basic
 * credentials pass unchanged: the assessments service checks them, as an LRS does. Everything else needs a valid
 * bearer token; analytics needs ANALYST, MANAGER or ADMIN, the management endpoints ADMIN. Ownership (whose data)
 * is for the services to decide. Every refusal is a problem detail.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties({SecurityProperties.class, CorsProperties.class})
class GatewaySecurityConfiguration {

    /** Tokens remembered as valid until they expire: one per active user or client, a few kilobytes each. */
    private static final int VALIDATED_TOKENS = 4096;
    private static final String TOKEN_REQUIRED = "A valid bearer token from the platform's identity provider is required";
    private static final String TOKEN_REJECTED =
            "The bearer token is not accepted: it is expired, malformed, not signed by the platform's identity "
                    + "provider or issued by another one";

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, Problems problems,
                                           CorsConfigurationSource corsConfigurationSource) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, failure) -> {
            boolean tokenSent = String.valueOf(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))
                    .regionMatches(true, 0, "Bearer ", 0, 7);
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, Problems.UNAUTHENTICATED,
                    tokenSent ? TOKEN_REJECTED : TOKEN_REQUIRED,
                    headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE,
                            tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer"));
        };
        ServerAccessDeniedHandler forbidden = (exchange, denied) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                Problems.FORBIDDEN, "Your roles do not allow this");
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.disable())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .addFilterAt(new CorsProblemFilter(corsConfigurationSource, problems), SecurityWebFiltersOrder.CORS)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .pathMatchers("/actuator/**").hasRole("ADMIN")
                        .pathMatchers("/dev-issuer/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/xapi/about").permitAll()
                        .matchers(xapiWithBasicCredentials()).permitAll()
                        .pathMatchers("/api/analytics/**").hasAnyRole("ANALYST", "MANAGER", "ADMIN")
                        .pathMatchers("/api/**", "/xapi/**", "/ims/**").authenticated()
                        .pathMatchers(HttpMethod.GET, "/**").permitAll()
                        .pathMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new BearerTokenReader())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(
                                token -> new JwtAuthenticationToken(token, TokenRoles.authorities(token),
                                        token.getSubject()))))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .build();
    }

    /** Spring Security's strict firewall, with the same header rules checked without regular expressions. */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters.NAMES);
        firewall.setAllowedHeaderValues(HeaderCharacters.VALUES);
        return firewall;
    }

    /** {@code /xapi/**} called with {@code Authorization: Basic}: the LRS convention, checked by assessments. */
    private static ServerWebExchangeMatcher xapiWithBasicCredentials() {
        return new AndServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers("/xapi/**"),
                exchange -> {
                    String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
                    return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                            ? ServerWebExchangeMatcher.MatchResult.match()
                            : ServerWebExchangeMatcher.MatchResult.notMatch();
                });
    }

    /**
     * Validates signature, expiry and issuer. Keys come from {@code JWT_PUBLIC_KEY} if set, else from the local
     * development issuer in this process, else from {@code OIDC_JWK_SET_URI}, else from the issuer's discovery
     * document (fetched at the first token, so the gateway starts while the identity provider is still booting).
     * A token that passed is not checked again until it expires ({@link ValidatedTokenCache}).
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties properties, ObjectProvider<DevIssuer> devIssuer) {
        if (!StringUtils.hasText(properties.issuer())) {
            throw new IllegalStateException("platform.security.issuer (OIDC_ISSUER_URI) must name the token issuer");
        }
        DevIssuer localIssuer = devIssuer.getIfAvailable();
        NimbusReactiveJwtDecoder decoder;
        if (StringUtils.hasText(properties.publicKey())) {
            decoder = NimbusReactiveJwtDecoder.withPublicKey(rsaPublicKey(properties.publicKey())).build();
        } else if (localIssuer != null) {
            decoder = NimbusReactiveJwtDecoder.withPublicKey(localIssuer.publicKey()).build();
        } else if (StringUtils.hasText(properties.jwkSetUri())) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        } else {
            decoder = NimbusReactiveJwtDecoder.withIssuerLocation(properties.issuer()).build();
        }
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
        return new ValidatedTokenCache(decoder, VALIDATED_TOKENS, Clock.systemUTC());
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOrigins(properties.allowedOrigins());
        api.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        api.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
                HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH, "X-Request-Id", "X-Experience-API-Version"));
        api.setExposedHeaders(List.of("X-Request-Id", HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION,
                HttpHeaders.ETAG, "X-Experience-API-Version", "X-Experience-API-Consistent-Through",
                "X-RateLimit-Remaining"));
        // Bearer tokens, no cookies: credentials mode stays off.
        api.setAllowCredentials(false);
        api.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        for (String prefix : List.of("/api/**", "/xapi/**", "/ims/**", "/dev-issuer/**")) {
            source.registerCorsConfiguration(prefix, api);
        }
        return source;
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
}
