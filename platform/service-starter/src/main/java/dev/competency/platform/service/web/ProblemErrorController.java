package dev.competency.platform.service.web;

import dev.competency.platform.problem.ProblemType;
import dev.competency.platform.service.messaging.RecoverableFailure;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Renders the errors the servlet container sends itself (a request the security firewall rejects, a status set with
 * {@code sendError}, an exception outside Spring MVC) as problem details, in place of Spring Boot's error page. A
 * request for the error path itself is answered as an unknown path. An exception outside Spring MVC that is a
 * {@link RecoverableFailure} (a filter that found the database away, say) is a 503 with {@code Retry-After}, as it
 * is inside ({@code StoreUnavailableProblems}).
 */
@RestController
public class ProblemErrorController implements ErrorController {

    static final String RETRY_AFTER_SECONDS = "5";

    private final List<RecoverableFailure> recoverableFailures;

    public ProblemErrorController(List<RecoverableFailure> recoverableFailures) {
        this.recoverableFailures = List.copyOf(recoverableFailures);
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && recoverableFailures.stream().anyMatch(recoverable -> recoverable.matches(failure))) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.SERVICE_UNAVAILABLE,
                            "Something this service needs cannot be reached; try again shortly"));
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                && HttpStatus.valueOf(value).isError() ? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, ProblemType.forStatus(status.value()), detail(status)));
    }

    /** What the caller is told for a status the container set; never the container's own message. */
    static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request is malformed (its path, query or headers)";
            case UNAUTHORIZED -> "A valid bearer token from the platform's identity provider is required";
            case FORBIDDEN -> "This request is not allowed";
            case NOT_FOUND -> "No resource at this path";
            case METHOD_NOT_ALLOWED, NOT_IMPLEMENTED -> "This method is not supported here";
            case PAYLOAD_TOO_LARGE -> "The request body is too large";
            case URI_TOO_LONG -> "The request's path and query are too long";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's headers are too large";
            default -> status.is5xxServerError()
                    ? "Something went wrong on our side; the request id identifies it in the logs"
                    : status.getReasonPhrase();
        };
    }
}
