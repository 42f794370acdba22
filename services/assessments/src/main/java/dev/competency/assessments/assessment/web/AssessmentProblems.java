package dev.competency.assessments.assessment.web;

import dev.competency.assessments.assessment.domain.InvalidAssessmentException;
import dev.competency.platform.service.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details for assessment authoring and attempts that say everything that is wrong: every rule an assessment
 * breaks under {@code errors}. Unreadable bodies and invalid fields are named by the service starter's handler.
 */
@RestControllerAdvice(basePackages = {"dev.competency.assessments.assessment.web",
        "dev.competency.assessments.attempt.web", "dev.competency.assessments.alignment.web",
        "dev.competency.assessments.provider.web", "dev.competency.assessments.rating.web"})
@Order(Ordered.HIGHEST_PRECEDENCE)
class AssessmentProblems {

    @ExceptionHandler(InvalidAssessmentException.class)
    ProblemDetail invalid(InvalidAssessmentException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, e.getMessage());
        problem.setProperty("errors", e.problems());
        return problem;
    }
}
