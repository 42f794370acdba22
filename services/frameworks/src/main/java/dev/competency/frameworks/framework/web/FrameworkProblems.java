package dev.competency.frameworks.framework.web;

import dev.competency.platform.problem.ProblemType;
import dev.competency.platform.service.web.Problems;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Problem details that say which field of a request body or which parameter could not be read and what it should
 * hold, in the words of JSON: never a Java type or class name. Broken rules are refusals the service starter answers
 * ({@link dev.competency.platform.service.error.BrokenRules}).
 */
@RestControllerAdvice(basePackages = "dev.competency.frameworks")
@Order(Ordered.HIGHEST_PRECEDENCE)
class FrameworkProblems {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (!(e.getCause() instanceof JacksonException jackson)) {
            return Problems.of(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST,
                    "The request body is missing or is not JSON");
        }
        if (jackson.getPath().isEmpty() && !(jackson instanceof DatabindException)) {
            TokenStreamLocation at = jackson.getLocation();
            return Problems.of(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST, "The request body is not valid JSON"
                    + (at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ")"));
        }
        String field = field(jackson);
        String message = expectation(jackson);
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST,
                "field '" + field + "' " + message);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }

    /** The JSON path of the offending value, such as {@code competencies[0].position}. */
    private static String field(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    /** What the value should have been, in the words of JSON rather than of Java types. */
    private static String expectation(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (e instanceof ValueInstantiationException) {
            return "is incomplete or holds an empty (null) entry";
        }
        Class<?> type = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType()
                : e instanceof InputCoercionException coercion ? coercion.getTargetType() : null;
        if (type == null) {
            return "has a value that cannot be read";
        }
        if (type.isEnum()) {
            return "must be one of " + String.join(", ", Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name()).toList());
        }
        if (e instanceof InputCoercionException) {
            return "is a number out of range";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "must be text";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return "must be an object";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST,
                "parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'");
    }
}
