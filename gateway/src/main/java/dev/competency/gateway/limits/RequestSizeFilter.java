package dev.competency.gateway.limits;

import dev.competency.gateway.problem.Problems;
import dev.competency.platform.problem.ProblemType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rejects request bodies over the limit of their path with 413. A declared {@code Content-Length} over the limit is
 * refused before a byte is read; a body of unknown length (chunked) is counted while it streams to the service and
 * the request fails with {@link PayloadTooLarge} as soon as it passes the limit.
 */
@Component
class RequestSizeFilter implements WebFilter, Ordered {

    /** After authentication: an anonymous caller learns that it needs a token, not how large a body may be. */
    static final int ORDER = 10;

    private final Problems problems;
    private final long defaultLimit;
    private final List<Map.Entry<PathPattern, Long>> pathLimits;

    RequestSizeFilter(Problems problems, RequestSizeProperties properties) {
        this.problems = problems;
        this.defaultLimit = properties.max().toBytes();
        this.pathLimits = properties.paths().entrySet().stream()
                .map(entry -> Map.entry(PathPatternParser.defaultInstance.parse(entry.getKey()),
                        entry.getValue().toBytes()))
                .toList();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = limitFor(request.getPath().pathWithinApplication());
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            // The body is never read, so the connection cannot carry another request.
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE,
                    new PayloadTooLarge(limit).getMessage(), headers -> headers.setConnection("close"));
        }
        if (declared >= 0 || !hasBody(request)) {
            // The server never reads more than the declared length.
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new CountingRequest(request, limit)).build());
    }

    long limitFor(PathContainer path) {
        for (Map.Entry<PathPattern, Long> entry : pathLimits) {
            if (entry.getKey().matches(path)) {
                return entry.getValue();
            }
        }
        return defaultLimit;
    }

    private static boolean hasBody(ServerHttpRequest request) {
        return request.getHeaders().containsHeader("Transfer-Encoding");
    }

    private static final class CountingRequest extends ServerHttpRequestDecorator {

        private final long limit;

        CountingRequest(ServerHttpRequest delegate, long limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                    DataBufferUtils.release(buffer);
                    sink.error(new PayloadTooLarge(limit));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
