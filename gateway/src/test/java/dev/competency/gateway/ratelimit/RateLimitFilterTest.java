package dev.competency.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.gateway.problem.Problems;
import dev.competency.gateway.security.ValidatedTokensForTests;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Whose bucket a request takes from, decided before authentication, and what a refusal looks like. */
class RateLimitFilterTest {

    private static final InetSocketAddress CALLER = new InetSocketAddress("203.0.113.7", 40000);
    private static final String BASIC = "Basic "
            + Base64.getEncoder().encodeToString("lrs-client:secret".getBytes(StandardCharsets.UTF_8));
    private static final WebFilterChain OK = exchange -> Mono.empty();

    private final List<String> taken = new ArrayList<>();
    private boolean allow = true;
    private final ValidatedTokensForTests tokens = new ValidatedTokensForTests();
    private final RateLimitFilter filter = new RateLimitFilter(new RecordingLimiter(),
            new RateLimitProperties("memory", 5, 10, 2, 4), tokens.tokens(), new XapiClients(),
            new Problems(JsonMapper.builder().build()));

    @Test
    void keysBearerRequestByTokenSubject_whenTokenWasValidatedBefore() {
        tokens.validate("token-of-ada", "7f2b7f39-c8c5-488a-994e-3c054105938f");

        filter.filter(get("/api/learners/me").header(HttpHeaders.AUTHORIZATION, "Bearer token-of-ada").build(), OK)
                .block();

        assertThat(taken).containsExactly("client sub:7f2b7f39-c8c5-488a-994e-3c054105938f");
    }

    @Test
    void keysBearerRequestByAddress_whenTokenWasNeverValidated() {
        tokens.validate("token-of-ada", "ada");

        filter.filter(get("/api/learners/me").header(HttpHeaders.AUTHORIZATION, "Bearer forged-or-new").build(), OK)
                .block();
        filter.filter(get("/api/learners/me").header(HttpHeaders.AUTHORIZATION, "Bearer token-of-ada.x").build(), OK)
                .block();

        assertThat(taken).containsExactly("anonymous ip:203.0.113.7", "anonymous ip:203.0.113.7");
    }

    @Test
    void keysBySubject_whenCallerIsASignedInSessionUser() {
        OidcIdToken idToken = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60),
                Map.of("sub", "7f2b7f39-c8c5-488a-994e-3c054105938f", "preferred_username", "learner-ada"));
        OAuth2AuthenticationToken signIn = new OAuth2AuthenticationToken(
                new DefaultOidcUser(AuthorityUtils.createAuthorityList("ROLE_LEARNER"), idToken, "sub"),
                AuthorityUtils.createAuthorityList("ROLE_LEARNER"), "portal");
        WebSession session = new InMemoryWebSessionStore().createWebSession().block();
        session.getAttributes().put(WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME,
                new SecurityContextImpl(signIn));

        filter.filter(get("/api/learners/me").session(session).build(), OK).block();

        assertThat(taken).containsExactly("client sub:7f2b7f39-c8c5-488a-994e-3c054105938f");
    }

    @Test
    void keysAnonymousRequestByAddress_whenNoCredentialsAreSent() {
        filter.filter(get("/xapi/statements").build(), OK).block();
        filter.filter(get("/dev-issuer/token").build(), OK).block();

        assertThat(taken).containsExactly("anonymous ip:203.0.113.7", "anonymous ip:203.0.113.7");
    }

    @Test
    void keysByClientKey_whenTheLrsAcceptedXapiBasicCredentials() {
        MockServerWebExchange first = get("/xapi/statements").header(HttpHeaders.AUTHORIZATION, BASIC).build();
        filter.filter(first, exchange -> {
            exchange.getResponse().setStatusCode(HttpStatus.OK);
            return exchange.getResponse().setComplete();
        }).block();

        filter.filter(get("/xapi/statements").header(HttpHeaders.AUTHORIZATION, BASIC).build(), OK).block();

        assertThat(taken).containsExactly("anonymous ip:203.0.113.7", "client xapi:lrs-client");
    }

    @Test
    void keepsXapiBasicCredentialsOnTheAddress_whenTheLrsRefusedThem() {
        for (int i = 0; i < 2; i++) {
            filter.filter(get("/xapi/statements").header(HttpHeaders.AUTHORIZATION, BASIC).build(), exchange -> {
                exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
                return exchange.getResponse().setComplete();
            }).block();
        }

        assertThat(taken).containsExactly("anonymous ip:203.0.113.7", "anonymous ip:203.0.113.7");
    }

    @Test
    void takesNothing_whenPathIsPortalPageOrSession() {
        filter.filter(get("/session").build(), OK).block();
        filter.filter(get("/me/growth").build(), OK).block();

        assertThat(taken).isEmpty();
    }

    @Test
    void answersProblemWithXapiVersionAndRetryAfter_whenXapiRequestIsRefused() {
        allow = false;
        MockServerWebExchange refused = get("/xapi/statements").build();

        filter.filter(refused, OK).block();

        assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        HttpHeaders headers = refused.getResponse().getHeaders();
        assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(headers.getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(headers.getFirst("X-Experience-API-Version")).isEqualTo("2.0.0");
        assertThat(refused.getResponse().getBodyAsString().block()).contains("\"type\":\"/problems/rate-limited\"");
    }

    @Test
    void answersProblemWithoutXapiVersion_whenApiRequestIsRefused() {
        allow = false;
        MockServerWebExchange refused = get("/api/learners/me").build();

        filter.filter(refused, OK).block();

        assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(refused.getResponse().getHeaders().containsHeader("X-Experience-API-Version")).isFalse();
    }

    private static Request get(String path) {
        return new Request(MockServerHttpRequest.get(path).remoteAddress(CALLER));
    }

    /** A request being built, and the session it belongs to. */
    private static final class Request {

        private final MockServerHttpRequest.BaseBuilder<?> request;
        private WebSession session;

        Request(MockServerHttpRequest.BaseBuilder<?> request) {
            this.request = request;
        }

        Request header(String name, String value) {
            request.header(name, value);
            return this;
        }

        Request session(WebSession webSession) {
            session = webSession;
            return this;
        }

        MockServerWebExchange build() {
            MockServerWebExchange.Builder exchange = MockServerWebExchange.builder(request.build());
            return session == null ? exchange.build() : exchange.session(session).build();
        }
    }

    /** Records "budget key" for every request and answers as told. */
    private final class RecordingLimiter implements RateLimiter<Object> {

        private final Map<String, Object> config = new HashMap<>();

        @Override
        public Mono<Response> isAllowed(String routeId, String id) {
            taken.add(routeId + " " + id);
            return Mono.just(new Response(allow, Map.of("X-RateLimit-Remaining", allow ? "3" : "0")));
        }

        @Override
        public Map<String, Object> getConfig() {
            return config;
        }

        @Override
        public Class<Object> getConfigClass() {
            return Object.class;
        }

        @Override
        public Object newConfig() {
            return new Object();
        }
    }
}
