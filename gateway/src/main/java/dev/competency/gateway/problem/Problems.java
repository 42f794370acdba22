package dev.competency.gateway.problem;

import dev.competency.gateway.requestid.RequestIdFilter;
import dev.competency.platform.problem.Problem;
import java.util.function.Consumer;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the gateway's error responses as RFC 9457 problem details ({@code application/problem+json}): the platform's
 * {@link Problem} body with one of its {@link dev.competency.platform.problem.ProblemType types}, the same the services
 * use, the request path and the request id that finds the request in the logs.
 */
@Component
public class Problems {

    private final JsonMapper json;

    public Problems(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String detail) {
        return write(exchange, status, slug, detail, headers -> {
        });
    }

    /** Answers the exchange with a problem; {@code headers} may add e.g. {@code Retry-After}. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String detail,
                            Consumer<HttpHeaders> headers) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Problem problem = Problem.of(status, slug, detail).at(exchange.getRequest().getPath().value())
                .withRequestId(exchange.getAttribute(RequestIdFilter.ATTRIBUTE));
        byte[] body = json.writeValueAsBytes(problem);
        response.setStatusCode(status);
        HttpHeaders responseHeaders = response.getHeaders();
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        responseHeaders.setContentLength(body.length);
        responseHeaders.setCacheControl("no-store");
        headers.accept(responseHeaders);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
