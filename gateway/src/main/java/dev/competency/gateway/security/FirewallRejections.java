package dev.competency.gateway.security;

import dev.competency.gateway.problem.Problems;
import dev.competency.platform.problem.ProblemType;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers what Spring Security's strict firewall refuses as a problem detail instead of a bare status: a method
 * outside {@code GET HEAD POST PUT PATCH DELETE OPTIONS} (e.g. {@code TRACE}) gets 405, a URL that is not normalised
 * or carries a refused sequence ({@code ;}, {@code //}, an encoded {@code .}, {@code /} or {@code %}, a backslash,
 * control characters) gets 400, as does a header with control characters.
 */
@Component
class FirewallRejections implements ServerExchangeRejectedHandler {

    /** The firewall's default: what the platform's APIs and the portal use. */
    static final Set<HttpMethod> ALLOWED_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

    private static final Logger log = LoggerFactory.getLogger(FirewallRejections.class);

    private final Problems problems;

    FirewallRejections(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        log.debug("Request refused by the firewall: {}", rejected.getMessage());
        HttpMethod method = exchange.getRequest().getMethod();
        if (!ALLOWED_METHODS.contains(method)) {
            return problems.write(exchange, HttpStatus.METHOD_NOT_ALLOWED, ProblemType.METHOD_NOT_ALLOWED,
                    "The method " + method.name() + " is not served here",
                    headers -> headers.setAllow(ALLOWED_METHODS));
        }
        return problems.write(exchange, HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST,
                "The request is refused: its URL is not normalised or contains a sequence the gateway does not "
                        + "accept (';', '//', an encoded '.', '/' or '%', a backslash, a control character), or a "
                        + "header contains a control character");
    }
}
