package dev.competency.gateway.requestid;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request a correlation id before anything else runs: the caller's {@value #HEADER} when it is well
 * formed, a new UUID otherwise. The id is forwarded to the service (which logs it with every line of the request),
 * echoed to the caller on every response, errors included, and kept in the exchange attribute {@link #ATTRIBUTE}.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
    /** The same rule the services apply, so an id the gateway forwards is never replaced downstream. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
        String requestId = offered != null && ACCEPTED.matcher(offered).matches()
                ? offered : UUID.randomUUID().toString();
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> headers.set(HEADER, requestId))
                .build();
        ServerWebExchange withId = exchange.mutate().request(request).build();
        withId.getAttributes().put(ATTRIBUTE, requestId);
        // Set again just before the response is committed: the proxied service's headers replace the gateway's.
        withId.getResponse().beforeCommit(() -> {
            withId.getResponse().getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        return chain.filter(withId);
    }

    /** The id of the request, or {@code "-"} outside a request. */
    public static String of(ServerWebExchange exchange) {
        String requestId = exchange.getAttribute(ATTRIBUTE);
        return requestId == null ? "-" : requestId;
    }
}
