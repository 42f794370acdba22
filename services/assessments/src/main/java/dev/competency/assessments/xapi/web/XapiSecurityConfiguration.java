package dev.competency.assessments.xapi.web;

import dev.competency.assessments.provider.query.ActivityProviderClient;
import dev.competency.assessments.provider.query.ActivityProviderClients;
import dev.competency.assessments.xapi.query.StatementStore;
import dev.competency.platform.problem.ProblemType;
import dev.competency.platform.security.TokenRoles;
import dev.competency.platform.service.web.Problems;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The xAPI resources authenticate like an LRS: activity providers send HTTP Basic credentials (key and secret
 * registered by an admin), and platform users may use their bearer token. {@code /xapi/about} is open.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = XapiSecurityConfiguration.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "The key and secret of an activity-provider client registered by an admin")
class XapiSecurityConfiguration {

    /** The name of the HTTP Basic security scheme in the API document. */
    static final String BASIC = "basic";

    @Bean
    @Order(1)
    SecurityFilterChain xapiSecurity(HttpSecurity http, ActivityProviderClients clients, StatementStore statements,
                                     JsonMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, failure) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"xAPI\"");
            write(response, json, HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHENTICATED,
                    "Activity-provider credentials (HTTP Basic) or a bearer token are required");
        };
        http.securityMatcher("/xapi/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/xapi/about").permitAll()
                        .anyRequest().authenticated())
                .authenticationProvider(new ActivityProviderAuthentication(clients))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(token -> new JwtAuthenticationToken(token,
                                TokenRoles.authorities(token.getClaims()), token.getSubject())))
                        .authenticationEntryPoint(unauthenticated))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, failure) -> write(response, json,
                                HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, "Your credentials do not allow this")))
                .addFilterBefore(new ConsistentThroughFilter(statements), BasicAuthenticationFilter.class)
                .addFilterAfter(new XapiVersionFilter(json), ConsistentThroughFilter.class);
        return http.build();
    }

    private static void write(HttpServletResponse response, JsonMapper json, HttpStatus status, String slug,
                              String detail) throws IOException {
        response.setHeader(XapiHeaders.VERSION, XapiHeaders.CURRENT_VERSION);
        Problems.write(response, json, status, slug, detail);
    }

    /** Checks HTTP Basic credentials against the registered activity-provider clients. */
    static final class ActivityProviderAuthentication implements AuthenticationProvider {

        private final ActivityProviderClients clients;

        ActivityProviderAuthentication(ActivityProviderClients clients) {
            this.clients = clients;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            ActivityProviderClient client = clients.authenticate(authentication.getName(),
                            authentication.getCredentials() == null ? null
                                    : authentication.getCredentials().toString())
                    .orElseThrow(() -> new BadCredentialsException("Unknown or revoked activity-provider client"));
            return UsernamePasswordAuthenticationToken.authenticated(client, null,
                    List.of(new SimpleGrantedAuthority("ROLE_ACTIVITY_PROVIDER")));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}
