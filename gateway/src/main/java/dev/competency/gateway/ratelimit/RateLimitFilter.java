package dev.competency.gateway.ratelimit;

import dev.competency.gateway.problem.Problems;
import dev.competency.gateway.requestid.RequestIdFilter;
import dev.competency.gateway.security.ValidatedTokens;
import dev.competency.platform.problem.ProblemType;
import java.net.InetSocketAddress;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Limits how fast each caller may use the APIs and the token endpoint. It runs before authentication, so a caller the
 * gateway does not know yet is counted before any signature is checked. Whose bucket a request takes from:
 * <ul>
 *   <li>a bearer token validated before (and not expired): its subject ({@code sub:<subject>});</li>
 *   <li>a browser session that is signed in: the subject of the sign-in, the same bucket as its bearer token;</li>
 *   <li>xAPI Basic credentials the LRS accepted lately: their client key ({@code xapi:<key>});</li>
 *   <li>anything else (no credentials, a token not seen before, forged or not, Basic credentials not accepted yet):
 *       the remote address ({@code ip:<address>}), under the anonymous budget.</li>
 * </ul>
 * Over the limit the answer is 429 with {@code Retry-After} and a problem body, on {@code /xapi/**} also with
 * {@code X-Experience-API-Version}. If the store fails (a shared store unreachable), requests are let through: the
 * limit protects the services, it must not take them offline.
 */
class RateLimitFilter implements WebFilter, Ordered {

    /** Before Spring Security's chain (-100), after the request id. */
    static final int ORDER = -150;
    static final String XAPI_VERSION_HEADER = "X-Experience-API-Version";
    /** The xAPI version the platform's LRS speaks and announces on every answer. */
    static final String XAPI_VERSION = "2.0.0";
    static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final String BEARER = "Bearer ";
    private static final List<PathPattern> LIMITED = List.of("/api/**", "/xapi/**", "/ims/**", "/dev-issuer/token")
            .stream().map(PathPatternParser.defaultInstance::parse).toList();
    private static final PathPattern XAPI = PathPatternParser.defaultInstance.parse("/xapi/**");

    private final RateLimiter<?> limiter;
    private final RateLimitProperties.Budget clients;
    private final RateLimitProperties.Budget anonymous;
    private final ValidatedTokens tokens;
    private final XapiClients xapiClients;
    private final Problems problems;

    RateLimitFilter(RateLimiter<?> limiter, RateLimitProperties properties, ValidatedTokens tokens,
                    XapiClients xapiClients, Problems problems) {
        this.limiter = limiter;
        this.clients = properties.client();
        this.anonymous = properties.anonymous();
        this.tokens = tokens;
        this.xapiClients = xapiClients;
        this.problems = problems;
    }

    RateLimiter<?> limiter() {
        return limiter;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (!matchesAny(path)) {
            return chain.filter(exchange);
        }
        boolean xapi = XAPI.matches(path);
        return caller(exchange, xapi).flatMap(caller -> limiter.isAllowed(caller.budget().name(), caller.key())
                .flatMap(response -> {
                    String remaining = response.getHeaders().get(REMAINING_HEADER);
                    if (!response.isAllowed()) {
                        return refuse(exchange, xapi);
                    }
                    if ("-1".equals(remaining)) {
                        log.atWarn().addKeyValue("requestId", RequestIdFilter.of(exchange))
                                .log("Rate limit store failed, request let through");
                    } else if (remaining != null) {
                        exchange.getResponse().getHeaders().set(REMAINING_HEADER, remaining);
                    }
                    if (caller.basicToRemember() != null) {
                        rememberWhenAccepted(exchange, caller.basicToRemember());
                    }
                    return chain.filter(exchange);
                }));
    }

    /** Whose bucket the request takes from; decided without checking any signature or password. */
    Mono<Caller> caller(ServerWebExchange exchange, boolean xapi) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Mono.just(tokens.subject(authorization.substring(BEARER.length()))
                    .map(subject -> new Caller("sub:" + subject, clients, null))
                    .orElseGet(() -> byAddress(exchange, null)));
        }
        if (xapi && XapiClients.isBasic(authorization)) {
            return Mono.just(xapiClients.accepted(authorization)
                    .map(key -> new Caller("xapi:" + key, clients, null))
                    .orElseGet(() -> byAddress(exchange, authorization)));
        }
        if (authorization != null) {
            return Mono.just(byAddress(exchange, null));
        }
        return exchange.getSession()
                .mapNotNull(session -> session.<SecurityContext>getAttribute(
                        WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME))
                .mapNotNull(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(signedIn -> new Caller("sub:" + signedIn.getName(), clients, null))
                .defaultIfEmpty(byAddress(exchange, null));
    }

    private Caller byAddress(ServerWebExchange exchange, String basicToRemember) {
        return new Caller("ip:" + remoteAddress(exchange), anonymous, basicToRemember);
    }

    /** A successful answer of the LRS means it accepted the credentials: later requests use their client's bucket. */
    private void rememberWhenAccepted(ServerWebExchange exchange, String authorization) {
        exchange.getResponse().beforeCommit(() -> {
            HttpStatus status = HttpStatus.resolve(exchange.getResponse().getStatusCode() == null
                    ? 200 : exchange.getResponse().getStatusCode().value());
            if (status != null && (status.is2xxSuccessful() || status.is3xxRedirection())) {
                xapiClients.accept(authorization);
            }
            return Mono.empty();
        });
    }

    private Mono<Void> refuse(ServerWebExchange exchange, boolean xapi) {
        // Rates are whole requests per second, so a token is back within a second.
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, ProblemType.RATE_LIMITED,
                "Too many requests from this client; retry after 1 s",
                headers -> {
                    headers.set(HttpHeaders.RETRY_AFTER, "1");
                    headers.set(REMAINING_HEADER, "0");
                    if (xapi) {
                        headers.set(XAPI_VERSION_HEADER, XAPI_VERSION);
                    }
                });
    }

    private static boolean matchesAny(PathContainer path) {
        for (PathPattern pattern : LIMITED) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static String remoteAddress(ServerWebExchange exchange) {
        InetSocketAddress address = exchange.getRequest().getRemoteAddress();
        if (address == null) {
            return "unknown";
        }
        return address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
    }

    /**
     * @param key the bucket
     * @param budget its size and refill
     * @param basicToRemember xAPI Basic credentials to remember if the LRS accepts them, else null
     */
    record Caller(String key, RateLimitProperties.Budget budget, String basicToRemember) {
    }
}
