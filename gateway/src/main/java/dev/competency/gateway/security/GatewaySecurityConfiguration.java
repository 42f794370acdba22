package dev.competency.gateway.security;

import dev.competency.gateway.devissuer.DevIssuer;
import dev.competency.gateway.problem.Problems;
import dev.competency.gateway.signin.PortalClientProperties;
import dev.competency.gateway.signin.PortalSignInConfiguration;
import dev.competency.platform.problem.ProblemType;
import dev.competency.platform.security.PublicKeyPem;
import dev.competency.platform.security.TokenRoles;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import reactor.core.publisher.Mono;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.ServerWebExchange;
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
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Two kinds of callers, two filter chains. API clients send {@code Authorization: Bearer} (or HTTP Basic on xAPI):
 * for them the gateway is a stateless OAuth2 resource server, with no session and no CSRF. Browsers of the portal send
 * no token: they sign in through the gateway ({@code oauth2Login}, authorization code with PKCE) and hold only an
 * HttpOnly session cookie; the session keeps the tokens, changes need the CSRF token, and the access token is relayed
 * to the services. Both chains apply the same access rules. What is open: the portal's files ({@code GET}/{@code HEAD}
 * outside the API prefixes), {@code /session}, probes and metrics, the development issuer (present only in the
 * {@code local} profile) and {@code /xapi/about}. xAPI requests with HTTP Basic credentials pass unchanged: the
 * assessments service checks them, as an LRS does. Everything else needs a valid bearer token or a signed-in session;
 * analytics needs ANALYST, MANAGER or ADMIN, the management endpoints ADMIN. Ownership (whose data) is for the services
 * to decide. Every refusal is a problem detail, never a redirect to a login page.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties({SecurityProperties.class, CorsProperties.class})
class GatewaySecurityConfiguration {

    private static final String TOKEN_REQUIRED = "A valid bearer token from the platform's identity provider is required";
    private static final String TOKEN_REJECTED =
            "The bearer token is not accepted: it is expired, malformed, not signed by the platform's identity "
                    + "provider or issued by another one";
    private static final String SIGN_IN_REQUIRED =
            "Sign in (or send a valid bearer token from the platform's identity provider) to use this";

    /** API clients: bearer tokens, and xAPI's HTTP Basic. Stateless, no CSRF: nothing rides on a cookie. */
    @Bean
    @Order(1)
    SecurityWebFilterChain apiClientSecurity(ServerHttpSecurity http, Problems problems,
                                             CorsConfigurationSource corsConfigurationSource) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, failure) -> {
            boolean tokenSent = bearerSent(exchange);
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHENTICATED,
                    tokenSent ? TOKEN_REJECTED : TOKEN_REQUIRED,
                    headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE,
                            tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer"));
        };
        ServerAccessDeniedHandler forbidden = forbidden(problems);
        return http
                .securityMatcher(new OrServerWebExchangeMatcher(
                        exchange -> bearerSent(exchange) ? MatchResult.match() : MatchResult.notMatch(),
                        xapiWithBasicCredentials()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.disable())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .addFilterAt(new CorsProblemFilter(corsConfigurationSource, problems), SecurityWebFiltersOrder.CORS)
                .authorizeExchange(GatewaySecurityConfiguration::accessRules)
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new ServerBearerTokenAuthenticationConverter())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(
                                token -> new JwtAuthenticationToken(token, TokenRoles.authorities(token.getClaims()),
                                        token.getSubject()))))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .build();
    }

    /**
     * Browsers: the portal's sign-in and session. The session cookie is HttpOnly and SameSite=Lax
     * ({@code server.reactive.session.cookie.*}); requests that change something and carry it must echo the
     * {@code XSRF-TOKEN} cookie in {@code X-XSRF-TOKEN} (or the form field {@code _csrf}). Without a session such
     * requests are simply unauthenticated (401), as for an API client without a token.
     */
    @Bean
    @Order(2)
    SecurityWebFilterChain browserSecurity(ServerHttpSecurity http, Problems problems,
                                           CorsConfigurationSource corsConfigurationSource,
                                           ReactiveClientRegistrationRepository registrations,
                                           ServerOAuth2AuthorizedClientRepository authorizedClients,
                                           PortalClientProperties portalClient,
                                           @Value("${server.reactive.session.cookie.name:SESSION}") String sessionCookie,
                                           @Value("${server.reactive.session.cookie.secure:false}") boolean secureCookies) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, failure) -> problems.write(exchange,
                HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHENTICATED, SIGN_IN_REQUIRED,
                headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        ServerAccessDeniedHandler forbidden = forbidden(problems);

        DefaultServerOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        OidcClientInitiatedServerLogoutSuccessHandler endProviderSession =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        endProviderSession.setPostLogoutRedirectUri("{baseUrl}/");
        endProviderSession.setLogoutSuccessUrl(URI.create("/"));

        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookiePath("/");
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").secure(secureCookies));

        return http
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        // The token as the cookie holds it (no per-request masking): the portal echoes the cookie.
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(changesWithSession(sessionCookie))
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                                ProblemType.FORBIDDEN, "The CSRF token is missing or wrong: send header X-XSRF-TOKEN "
                                        + "(or form field _csrf) with the value of the XSRF-TOKEN cookie")))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .requestCache(cache -> cache.disable())
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .addFilterAt(new CorsProblemFilter(corsConfigurationSource, problems), SecurityWebFiltersOrder.CORS)
                .oauth2Login(login -> login
                        .authorizationRequestResolver(authorizationRequests)
                        .authorizedClientRepository(authorizedClients)
                        .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/"))
                        .authenticationFailureHandler((filterExchange, failure) -> problems.write(
                                filterExchange.getExchange(), HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHENTICATED,
                                "Sign-in failed: " + signInFailure(failure) + ". Start again at "
                                        + PortalSignInConfiguration.LOGIN_PATH)))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutHandler(handlers -> handlers.add(new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(endProviderSession))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(portalContentSecurityPolicy(portalClient)))
                        .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers(HttpMethod.GET, "/session").permitAll();
                    accessRules(exchanges);
                })
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .build();
    }

    /**
     * The portal's Content-Security-Policy: everything from the gateway's own origin, no inline script or style, and
     * forms may also lead to the identity provider (signing out goes there and back).
     */
    static String portalContentSecurityPolicy(PortalClientProperties client) {
        Set<String> formTargets = new LinkedHashSet<>();
        formTargets.add("'self'");
        for (String uri : new String[] {client.authorizationUri(), client.endSessionUri()}) {
            String origin = origin(uri);
            if (origin != null) {
                formTargets.add(origin);
            }
        }
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "frame-ancestors 'none'; base-uri 'self'; form-action " + String.join(" ", formTargets);
    }

    private static String origin(String uri) {
        if (uri == null) {
            return null;
        }
        try {
            URI parsed = new URI(uri);
            if (parsed.getScheme() == null || parsed.getHost() == null) {
                return null;
            }
            return parsed.getScheme() + "://" + parsed.getHost() + (parsed.getPort() == -1 ? "" : ":" + parsed.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String signInFailure(AuthenticationException failure) {
        if (failure instanceof OAuth2AuthenticationException oauth) {
            String description = oauth.getError().getDescription();
            return oauth.getError().getErrorCode() + (description == null ? "" : " (" + description + ")");
        }
        return "the identity provider's answer was not accepted";
    }

    /** Who may do what; the same for bearer tokens and browser sessions. */
    private static void accessRules(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
        exchanges
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
                .anyExchange().authenticated();
    }

    private static ServerAccessDeniedHandler forbidden(Problems problems) {
        return (exchange, denied) -> problems.write(exchange, HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN,
                "Your roles do not allow this");
    }

    private static boolean bearerSent(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer", 0, 6);
    }

    /**
     * Requests that change something and carry the session cookie. The development issuer's endpoints are OAuth
     * endpoints called by clients and by its own sign-in form, not by the portal, and take no session.
     */
    private static ServerWebExchangeMatcher changesWithSession(String sessionCookie) {
        Set<HttpMethod> safe = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
        ServerWebExchangeMatcher devIssuer = ServerWebExchangeMatchers.pathMatchers("/dev-issuer/**");
        return exchange -> {
            if (safe.contains(exchange.getRequest().getMethod())
                    || !exchange.getRequest().getCookies().containsKey(sessionCookie)) {
                return MatchResult.notMatch();
            }
            return devIssuer.matches(exchange).flatMap(match -> match.isMatch()
                    ? MatchResult.notMatch() : MatchResult.match());
        };
    }

    /**
     * The person signed in through the portal, with the platform roles of their access token as authorities (the
     * same roles a bearer token would give), so both chains' access rules read them alike.
     */
    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(ReactiveJwtDecoder jwtDecoder) {
        OidcReactiveOAuth2UserService standard = new OidcReactiveOAuth2UserService();
        return request -> standard.loadUser(request).flatMap(user -> jwtDecoder
                .decode(request.getAccessToken().getTokenValue())
                .map(Jwt::getClaims)
                // A provider whose access tokens are not JWTs: its ID token carries the roles.
                .onErrorResume(JwtException.class, notJwt -> Mono.just(user.getClaims()))
                .map(claims -> new DefaultOidcUser(TokenRoles.authorities(claims), user.getIdToken(),
                        user.getUserInfo(), IdTokenClaimNames.SUB)));
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
     * A token that passed is not checked again until it expires ({@link ValidatedTokens}).
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties properties, ObjectProvider<DevIssuer> devIssuer,
                                  ValidatedTokens validatedTokens) {
        if (!StringUtils.hasText(properties.issuer())) {
            throw new IllegalStateException("platform.security.issuer (OIDC_ISSUER_URI) must name the token issuer");
        }
        DevIssuer localIssuer = devIssuer.getIfAvailable();
        NimbusReactiveJwtDecoder decoder;
        if (StringUtils.hasText(properties.publicKey())) {
            decoder = NimbusReactiveJwtDecoder.withPublicKey(PublicKeyPem.rsa(properties.publicKey())).build();
        } else if (localIssuer != null) {
            decoder = NimbusReactiveJwtDecoder.withPublicKey(localIssuer.publicKey()).build();
        } else if (StringUtils.hasText(properties.jwkSetUri())) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        } else {
            decoder = NimbusReactiveJwtDecoder.withIssuerLocation(properties.issuer()).build();
        }
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
        return validatedTokens.remembering(decoder);
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
}
