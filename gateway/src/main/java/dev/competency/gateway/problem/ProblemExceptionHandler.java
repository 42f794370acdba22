package dev.competency.gateway.problem;

import dev.competency.gateway.limits.PayloadTooLarge;
import dev.competency.gateway.requestid.RequestIdFilter;
import dev.competency.gateway.signin.SessionEnded;
import dev.competency.platform.problem.ProblemType;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns every failure that reaches the web layer into a problem detail: no route or file (404), a body over the
 * limit (413), a browser session whose tokens could not be renewed (401, the session is already invalidated), a service that cannot be reached or whose circuit is open (503), one that answers too slowly (504),
 * and anything unexpected (500, logged with the request id). Runs before Spring Boot's default handler.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final Problems problems;

    ProblemExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        String service = service(exchange);
        if (failure instanceof PayloadTooLarge tooLarge) {
            // The rest of the body was not read, so the connection cannot carry another request.
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE,
                    tooLarge.getMessage(), headers -> headers.setConnection("close"));
        }
        if (failure instanceof SessionEnded) {
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHENTICATED,
                    "Your session has ended; sign in again");
        }
        if (failure instanceof ServiceUnavailableException) {
            log.atWarn().addKeyValue("requestId", RequestIdFilter.of(exchange))
                    .log("Circuit of the {} service is open; request refused", service);
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, ProblemType.SERVICE_UNAVAILABLE,
                    "The " + service + " service is failing and is given a rest; try again shortly",
                    headers -> headers.set("Retry-After", "10"));
        }
        if (failure instanceof TimeoutException || failure instanceof
                org.springframework.cloud.gateway.support.TimeoutException) {
            return gatewayTimeout(exchange, service);
        }
        if (failure instanceof ResponseStatusException statusFailure) {
            return fromStatus(exchange, statusFailure.getStatusCode(), service);
        }
        if (failure instanceof IOException && service != null) {
            log.atWarn().addKeyValue("requestId", RequestIdFilter.of(exchange))
                    .log("The {} service cannot be reached: {}", service, failure.toString());
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, ProblemType.SERVICE_UNAVAILABLE,
                    "The " + service + " service cannot be reached; try again shortly",
                    headers -> headers.set("Retry-After", "5"));
        }
        log.atError().addKeyValue("requestId", RequestIdFilter.of(exchange)).setCause(failure)
                .log("Request failed in the gateway");
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, ProblemType.INTERNAL,
                "The gateway failed; quote the request id when reporting it");
    }

    private Mono<Void> fromStatus(ServerWebExchange exchange, HttpStatusCode code, String service) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return switch (status) {
            case NOT_FOUND -> problems.write(exchange, status, ProblemType.NOT_FOUND,
                    "Nothing is served at this path");
            case METHOD_NOT_ALLOWED -> problems.write(exchange, status, ProblemType.METHOD_NOT_ALLOWED,
                    "This method is not allowed here");
            case UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE, BAD_REQUEST -> problems.write(exchange, status,
                    ProblemType.INVALID_REQUEST, "The request is not understood here");
            case UNAUTHORIZED -> problems.write(exchange, status, ProblemType.UNAUTHENTICATED,
                    "A valid bearer token is required");
            case FORBIDDEN -> problems.write(exchange, status, ProblemType.FORBIDDEN, "Your roles do not allow this");
            case PAYLOAD_TOO_LARGE, CONTENT_TOO_LARGE -> problems.write(exchange, status, ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body is too large");
            case GATEWAY_TIMEOUT -> gatewayTimeout(exchange, service);
            case BAD_GATEWAY, SERVICE_UNAVAILABLE -> problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                    ProblemType.SERVICE_UNAVAILABLE, "The " + (service == null ? "requested" : service)
                            + " service is unavailable; try again shortly");
            default -> status.is4xxClientError()
                    ? problems.write(exchange, status, ProblemType.INVALID_REQUEST, "The request cannot be served")
                    : problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, ProblemType.INTERNAL,
                    "The gateway failed; quote the request id when reporting it");
        };
    }

    private Mono<Void> gatewayTimeout(ServerWebExchange exchange, String service) {
        log.atWarn().addKeyValue("requestId", RequestIdFilter.of(exchange))
                .log("The {} service did not answer in time", service);
        return problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, ProblemType.GATEWAY_TIMEOUT,
                "The " + (service == null ? "requested" : service) + " service did not answer in time");
    }

    /**
     * The name of the service behind the route the request took: the route's {@code service} metadata where a service
     * has several routes, else the route's id.
     */
    private static String service(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return null;
        }
        Object service = route.getMetadata().get("service");
        return service == null ? route.getId() : service.toString();
    }
}
