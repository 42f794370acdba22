package dev.competency.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.gateway.problem.Problems;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Whose bucket a request takes from: the subject of a bearer token or of a browser session, else the address. */
class RateLimitFilterTest {

    private final List<String> keys = new ArrayList<>();
    private final RateLimitFilter filter = new RateLimitFilter(client -> {
        keys.add(client);
        return Mono.just(new RateLimitDecision(true, 9, Duration.ZERO));
    }, new Problems(JsonMapper.builder().build()));

    @Test
    void keysSessionUser_byTheSubjectOfTheSignIn() {
        OidcIdToken idToken = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60),
                Map.of("sub", "7f2b7f39-c8c5-488a-994e-3c054105938f", "preferred_username", "learner-ada"));
        OAuth2AuthenticationToken session = new OAuth2AuthenticationToken(
                new DefaultOidcUser(AuthorityUtils.createAuthorityList("ROLE_LEARNER"), idToken, "sub"),
                AuthorityUtils.createAuthorityList("ROLE_LEARNER"), "portal");

        filter.filter(request("/api/learners/me").mutate().principal(Mono.just(session)).build(), exchange -> Mono.empty())
                .block();

        assertThat(keys).containsExactly("sub:7f2b7f39-c8c5-488a-994e-3c054105938f");
    }

    @Test
    void keysBearerUser_byTokenSubject_andAnonymousCaller_byAddress() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("analytics-exporter").build();

        filter.filter(request("/api/analytics/heatmap").mutate()
                .principal(Mono.just(new JwtAuthenticationToken(jwt, List.of(), jwt.getSubject()))).build(),
                exchange -> Mono.empty()).block();
        filter.filter(request("/xapi/statements"), exchange -> Mono.empty()).block();

        assertThat(keys).containsExactly("sub:analytics-exporter", "ip:unknown");
    }

    @Test
    void leavesPortalPagesAndSessionAlone() {
        filter.filter(request("/session"), exchange -> Mono.empty()).block();
        filter.filter(request("/me/growth"), exchange -> Mono.empty()).block();

        assertThat(keys).isEmpty();
    }

    private static ServerWebExchange request(String path) {
        return MockServerWebExchange.from(MockServerHttpRequest.get(path));
    }
}
