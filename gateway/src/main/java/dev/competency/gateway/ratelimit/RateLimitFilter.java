package dev.competency.gateway.ratelimit;

import dev.competency.gateway.problem.Problems;
import dev.competency.gateway.requestid.RequestIdFilter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Limits how fast each client may call the APIs and the token endpoint. The client is the token's subject when the
 * request is authenticated, else the remote address (anonymous and HTTP Basic xAPI callers, whose credentials only
 * the assessments service checks). Over the limit the answer is 429 with {@code Retry-After} and a problem body.
 * If the store fails (a shared store unreachable), requests are let through: the limit protects the services, it must not take
 * them offline.
 */
class RateLimitFilter implements WebFilter, Ordered {

    /** After authentication (Spring Security's chain runs at -100), so the subject is known. */
    static final int ORDER = 0;

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final List<PathPattern> LIMITED = List.of("/api/**", "/xapi/**", "/ims/**", "/dev-issuer/token")
            .stream().map(PathPatternParser.defaultInstance::parse).toList();

    /** What a request gets when the store cannot answer. */
    private static final RateLimitDecision UNKNOWN = new RateLimitDecision(true, -1, Duration.ZERO);

    private final RateLimitStore store;
    private final Problems problems;

    RateLimitFilter(RateLimitStore store, Problems problems) {
        this.store = store;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!limited(exchange.getRequest().getPath().pathWithinApplication())) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(principal -> "sub:" + principal.getName())
                .defaultIfEmpty("ip:" + remoteAddress(exchange))
                .flatMap(client -> store.take(client)
                        .onErrorResume(failure -> {
                            log.atWarn().addKeyValue("requestId", RequestIdFilter.of(exchange))
                                    .log("Rate limit store failed, request let through: {}", failure.toString());
                            return Mono.just(UNKNOWN);
                        }))
                .flatMap(decision -> decision.allowed() ? allow(exchange, chain, decision) : refuse(exchange, decision));
    }

    private static Mono<Void> allow(ServerWebExchange exchange, WebFilterChain chain, RateLimitDecision decision) {
        if (decision != UNKNOWN) {
            exchange.getResponse().getHeaders().set("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        }
        return chain.filter(exchange);
    }

    private Mono<Void> refuse(ServerWebExchange exchange, RateLimitDecision decision) {
        long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, Problems.RATE_LIMITED,
                "Too many requests from this client; retry after " + seconds + " s",
                headers -> {
                    headers.set("Retry-After", Long.toString(seconds));
                    headers.set("X-RateLimit-Remaining", "0");
                });
    }

    private static boolean limited(PathContainer path) {
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
}
