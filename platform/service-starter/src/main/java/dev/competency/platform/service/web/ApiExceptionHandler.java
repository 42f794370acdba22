package dev.competency.platform.service.web;

import dev.competency.platform.service.error.Refusal;
import dev.competency.platform.service.security.AccessDenied;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns what controllers and command handlers throw into RFC 9457 problem details: broken rules into 400 with the
 * rule's message, missing resources into 404, conflicting writes into 409, policy refusals into 403, and anything
 * unexpected into a 500 that says nothing about the inside (the cause is logged with the request id).
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, e.getMessage());
    }

    @ExceptionHandler({ResourceNotFound.class, AggregateNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        String detail = e instanceof AggregateNotFoundException missing
                ? "No resource with id '" + missing.getAggregateIdentifier() + "'" : e.getMessage();
        return Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, detail);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrent(ConcurrencyException e) {
        return Problems.of(HttpStatus.CONFLICT, Problems.CONFLICT,
                "The resource already exists or was changed at the same time; reload it and try again");
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail conflict(IllegalStateException e) {
        return Problems.of(HttpStatus.CONFLICT, Problems.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(Refusal.class)
    ProblemDetail refused(Refusal e) {
        HttpStatus status = HttpStatus.valueOf(e.kind().status());
        return Problems.of(status, e.slug(), e.getMessage());
    }

    @ExceptionHandler(AccessDenied.class)
    ProblemDetail forbidden(AccessDenied e) {
        return Problems.of(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL,
                "Something went wrong on our side; the request id identifies it in the logs");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message",
                        String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
                errors.size() + " field(s) are invalid");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null
                || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(Problems.type(slugFor(status)));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static String slugFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> Problems.INVALID_REQUEST;
            case 401 -> Problems.UNAUTHENTICATED;
            case 403 -> Problems.FORBIDDEN;
            case 404 -> Problems.NOT_FOUND;
            case 409 -> Problems.CONFLICT;
            case 413 -> Problems.PAYLOAD_TOO_LARGE;
            default -> status.is5xxServerError() ? Problems.INTERNAL : "http-" + status.value();
        };
    }
}
