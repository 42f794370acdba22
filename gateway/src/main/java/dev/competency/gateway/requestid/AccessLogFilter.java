package dev.competency.gateway.requestid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One log line per request once it is answered, carrying the request id, so a request can be followed from the
 * gateway into the service's logs. The query string is left out: xAPI queries carry e-mail addresses.
 * Off with {@code platform.gateway.access-log=false} ({@code ACCESS_LOG=false}).
 */
@Component
@ConditionalOnProperty(name = "platform.gateway.access-log", havingValue = "true", matchIfMissing = true)
public class AccessLogFilter implements WebFilter, Ordered {

    static final String LOGGER = "dev.competency.gateway.access";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    @Override
    public int getOrder() {
        // Right after the request id is settled, so every outcome below (errors included) is logged with it.
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            log.atInfo()
                    .addKeyValue("requestId", RequestIdFilter.of(exchange))
                    .addKeyValue("method", exchange.getRequest().getMethod().name())
                    .addKeyValue("path", exchange.getRequest().getPath().value())
                    .addKeyValue("status", status == null ? 0 : status.value())
                    .addKeyValue("durationMs", (System.nanoTime() - started) / 1_000_000)
                    .log("{} {} {}", exchange.getRequest().getMethod().name(), exchange.getRequest().getPath().value(),
                            status == null ? "-" : status.value());
        });
    }
}
