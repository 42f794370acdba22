package dev.competency.assessments.readmodel;

import dev.competency.platform.service.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A write whose read model is late answers 503 ({@code /problems/read-model-behind}): the change is stored. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReadModelProblems {

    @ExceptionHandler(ReadModelBehind.class)
    ProblemDetail behind(ReadModelBehind e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "read-model-behind", e.getMessage());
    }
}
