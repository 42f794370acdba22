package dev.competency.gateway.problem;

import dev.competency.gateway.requestid.RequestIdFilter;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * Writes the gateway's error responses as RFC 9457 problem details ({@code application/problem+json}). Types are
 * the platform's stable {@code /problems/<slug>} URIs, the same the services use; bodies never carry class names
 * or stack traces, but always the request id that finds the request in the logs.
 */
@Component
public class Problems {

    public static final String INVALID_REQUEST = "invalid-request";
    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not-found";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String URI_TOO_LONG = "uri-too-long";
    public static final String HEADERS_TOO_LARGE = "headers-too-large";
    public static final String RATE_LIMITED = "rate-limited";
    public static final String SERVICE_UNAVAILABLE = "service-unavailable";
    public static final String GATEWAY_TIMEOUT = "gateway-timeout";
    public static final String INTERNAL = "internal-error";

    private final JsonMapper json;

    public Problems(JsonMapper json) {
        this.json = json;
    }

    public static String type(String slug) {
        return "/problems/" + slug;
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
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type(slug));
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        String requestId = exchange.getAttribute(RequestIdFilter.ATTRIBUTE);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
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
