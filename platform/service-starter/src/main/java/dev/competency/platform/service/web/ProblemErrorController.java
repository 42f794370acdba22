package dev.competency.platform.service.web;

import dev.competency.platform.problem.ProblemType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Renders the errors the servlet container sends itself (a request the security firewall rejects, a status set with
 * {@code sendError}, an exception outside Spring MVC) as problem details, in place of Spring Boot's error page. A
 * request for the error path itself is answered as an unknown path.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
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
