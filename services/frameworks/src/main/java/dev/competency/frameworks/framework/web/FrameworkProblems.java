package dev.competency.frameworks.framework.web;

import dev.competency.frameworks.framework.domain.InvalidFrameworkException;
import dev.competency.platform.service.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

/**
 * Problem details that say what is wrong: every rule a framework, role profile or learning resource breaks under
 * {@code errors} (each naming the rule and the offending item), and which field of a request body could not be read.
 */
@RestControllerAdvice(basePackages = "dev.competency.frameworks")
@Order(Ordered.HIGHEST_PRECEDENCE)
class FrameworkProblems {

    @ExceptionHandler(InvalidFrameworkException.class)
    ProblemDetail invalid(InvalidFrameworkException e) {
        String detail = e.problems().size() == 1 ? e.problems().get(0)
                : e.problems().size() + " rules are broken: " + e.getMessage();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, detail);
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String detail = e.getCause() instanceof JacksonException jackson
                ? "The request body cannot be read: " + jackson.getOriginalMessage() + " at "
                + jackson.getPathReference()
                : "The request body is missing or is not JSON";
        return Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, detail);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
                "parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'");
    }
}
