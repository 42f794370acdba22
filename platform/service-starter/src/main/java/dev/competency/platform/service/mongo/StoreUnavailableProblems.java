package dev.competency.platform.service.mongo;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import dev.competency.platform.problem.ProblemType;
import dev.competency.platform.service.web.ApiExceptionHandler;
import dev.competency.platform.service.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request that needs the service's database while it cannot be reached (no server found within the driver's
 * server selection timeout, or the connection failed) is answered 503 with {@code Retry-After}: the service is
 * temporarily unable to serve, and the same request may succeed shortly. The exception may come wrapped (Spring Data's
 * {@code DataAccessResourceFailureException}, Axon's event store): handlers match causes too. Ahead of
 * {@link ApiExceptionHandler}, whose handler of any other exception would answer a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StoreUnavailableProblems {

    private static final Logger log = LoggerFactory.getLogger(StoreUnavailableProblems.class);
    static final String RETRY_AFTER_SECONDS = "5";

    /** Whether the failure, or one of its causes, says that the database cannot be reached. */
    public static boolean isUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MongoTimeoutException || cause instanceof MongoSocketException) {
                return true;
            }
        }
        return false;
    }

    @ExceptionHandler({MongoTimeoutException.class, MongoSocketException.class})
    ResponseEntity<Object> unavailable(RuntimeException e) {
        log.warn("The database cannot be reached; answered 503: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.SERVICE_UNAVAILABLE,
                        "The service's database cannot be reached; try again shortly"));
    }
}
