package dev.competency.gateway.security;

import dev.competency.gateway.problem.Problems;
import dev.competency.platform.problem.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS as Spring's {@code CorsWebFilter} does it (answers preflights, adds the headers), except that a refused
 * cross-origin request gets a 403 problem detail instead of an empty body.
 */
class CorsProblemFilter implements WebFilter {

    private final CorsConfigurationSource source;
    private final Problems problems;
    private final CorsProcessor processor = new DefaultCorsProcessor();

    CorsProblemFilter(CorsConfigurationSource source, Problems problems) {
        this.source = source;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        CorsConfiguration configuration = source.getCorsConfiguration(exchange);
        boolean valid = processor.process(configuration, exchange);
        if (!valid) {
            return problems.write(exchange, HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN,
                    "Cross-origin requests from this origin are not allowed");
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }
}
