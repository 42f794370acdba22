package dev.competency.platform.service.web;

import dev.competency.platform.problem.ProblemType;
import dev.competency.platform.service.arrival.StreamBehind;
import dev.competency.platform.service.error.InvalidFields;
import dev.competency.platform.service.error.Refusal;
import dev.competency.platform.service.security.AccessDenied;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns what controllers and command handlers throw into RFC 9457 problem details: a {@link Refusal} into the status
 * and type it carries, invalid fields and unreadable bodies into 400 naming each field, missing resources into 404,
 * policy refusals into 403, a {@link StreamBehind} into 503 with {@code Retry-After}, Spring MVC's own errors into
 * their status with a stable type, and anything else into a 500 that says nothing about the inside (the cause is
 * logged with the request id). No exception is mapped by its JDK type: a rule the caller broke is a {@link Refusal}.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** The problem type of {@link StreamBehind}, shared with the services' own read models that are behind. */
    public static final String STREAM_BEHIND = "read-model-behind";
    static final String STREAM_BEHIND_RETRY_AFTER_SECONDS = "2";
    private static final String INTERNAL_DETAIL =
            "Something went wrong on our side; the request id identifies it in the logs";

    @ExceptionHandler(Refusal.class)
    ResponseEntity<Object> refused(Refusal e) {
        return problem(Problems.of(e));
    }

    @ExceptionHandler(ResourceNotFound.class)
    ResponseEntity<Object> notFound(ResourceNotFound e) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, e.getMessage()));
    }

    @ExceptionHandler(AccessDenied.class)
    ResponseEntity<Object> forbidden(AccessDenied e) {
        return problem(Problems.of(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, e.getMessage()));
    }

    @ExceptionHandler(PayloadTooLarge.class)
    ResponseEntity<Object> tooLarge(PayloadTooLarge e) {
        return problem(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE, e.getMessage()));
    }

    /** Not known yet, and the stream that would bring it is not read this far: 503, try again shortly. */
    @ExceptionHandler(StreamBehind.class)
    ResponseEntity<Object> behind(StreamBehind e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, STREAM_BEHIND_RETRY_AFTER_SECONDS)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, STREAM_BEHIND, e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ProblemType.INTERNAL, INTERNAL_DETAIL));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<InvalidFields.Field> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new InvalidFields.Field(error.getField(), String.valueOf(error.getDefaultMessage())))
                .toList();
        return refused(new InvalidFields(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<InvalidFields.Field> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String parameter = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String field = error instanceof FieldError fieldError ? fieldError.getField() : parameter;
                errors.add(new InvalidFields.Field(field, String.valueOf(error.getDefaultMessage())));
            }
        });
        return refused(new InvalidFields(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        PayloadTooLarge tooLarge = findTooLarge(e);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        UnreadableBody unreadable = UnreadableBody.of(e);
        if (unreadable.field() == null) {
            return problem(Problems.of(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST, unreadable.message()));
        }
        return invalid(unreadable.field(), unreadable.message());
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : e.getPropertyName();
        String value = e.getValue() == null ? "" : " but was '" + UnreadableBody.shorten(e.getValue().toString())
                + "'";
        return invalid(field == null ? "parameter" : field,
                "must be " + UnreadableBody.expected(e.getRequiredType()) + value);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers,
                                                                          HttpStatusCode status,
                                                                          WebRequest request) {
        return invalid(e.getParameterName(), "is required");
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, "No resource at this path"));
    }

    /**
     * Every problem this handler writes is {@code application/problem+json}, whatever the request accepts, with the
     * type that belongs to its status; a server error never says what went wrong inside.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(URI.create(ProblemType.uri(ProblemType.forStatus(status.value()))));
            }
            if (status.is5xxServerError()) {
                problem.setDetail(INTERNAL_DETAIL);
            }
            HttpHeaders problemHeaders = new HttpHeaders();
            problemHeaders.addAll(headers);
            problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return super.createResponseEntity(body, problemHeaders, status, request);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private ResponseEntity<Object> invalid(String field, String message) {
        return refused(new InvalidFields(List.of(new InvalidFields.Field(field, message))));
    }

    /** A problem detail as the response, with its media type. */
    public static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static PayloadTooLarge findTooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLarge tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
