package dev.competency.assessments.xapi.web;

import dev.competency.assessments.xapi.query.DocumentConflict;
import dev.competency.assessments.xapi.query.DocumentPreconditionFailed;
import dev.competency.assessments.xapi.query.StatementConflict;
import dev.competency.platform.problem.ProblemType;
import dev.competency.platform.service.error.Refusal;
import dev.competency.platform.service.security.AccessDenied;
import dev.competency.platform.service.web.Problems;
import dev.competency.platform.service.web.ResourceNotFound;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details for the xAPI resources, answered here rather than by mapping JDK exception types: an invalid request
 * lists every problem under {@code errors} (each with its JSON path or parameter), a conflicting statement id is 409,
 * and domain refusals carry their own status. The xAPI version header is set by {@link XapiVersionFilter}.
 */
@RestControllerAdvice(basePackageClasses = XapiExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class XapiExceptionHandler {

    @ExceptionHandler(InvalidXapiRequest.class)
    ProblemDetail invalid(InvalidXapiRequest e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST, e.getMessage());
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> Map.of("path", p.path(), "message", p.message()))
                .toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler({StatementConflict.class, DocumentConflict.class})
    ProblemDetail conflict(RuntimeException e) {
        return Problems.of(HttpStatus.CONFLICT, ProblemType.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(DocumentPreconditionFailed.class)
    ProblemDetail preconditionFailed(DocumentPreconditionFailed e) {
        return Problems.of(HttpStatus.PRECONDITION_FAILED, "precondition-failed", e.getMessage());
    }

    @ExceptionHandler(DocumentTooLarge.class)
    ProblemDetail tooLarge(DocumentTooLarge e) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(Refusal.class)
    ProblemDetail refused(Refusal e) {
        return Problems.of(e);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST, "The request body is missing");
    }

    @ExceptionHandler(ResourceNotFound.class)
    ProblemDetail notFound(ResourceNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDenied.class)
    ProblemDetail forbidden(AccessDenied e) {
        return Problems.of(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, e.getMessage());
    }
}
