package dev.competency.platform.service.axon;

import dev.competency.platform.problem.ProblemType;
import dev.competency.platform.service.web.ApiExceptionHandler;
import dev.competency.platform.service.web.Problems;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What Axon throws when a command meets no aggregate (404) or a conflicting write (409), and read models that are
 * behind ({@link ReadModelBehind}, 503 with {@code Retry-After}), as problem details. Ahead of
 * {@link ApiExceptionHandler}, whose handler of any other exception would answer them with a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AxonProblems {

    static final String RETRY_AFTER_SECONDS = "2";

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> notFound(AggregateNotFoundException e) {
        return ApiExceptionHandler.problem(Problems.of(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND,
                "No resource with id '" + e.getAggregateIdentifier() + "'"));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrent(ConcurrencyException e) {
        return ApiExceptionHandler.problem(Problems.of(HttpStatus.CONFLICT, ProblemType.CONFLICT,
                "The resource already exists or was changed at the same time; reload it and try again"));
    }

    @ExceptionHandler(ReadModelBehind.class)
    ResponseEntity<Object> behind(ReadModelBehind e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "read-model-behind", e.getMessage()));
    }
}
