package dev.competency.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A problem detail body (RFC 9457) as the platform writes it, whichever web stack answers: the type
 * {@code /problems/<slug>}, the status's reason phrase as title, the status, a detail written for the caller (never a
 * class name or stack trace), and where known the request path, the request id that finds the request in the logs and
 * the offending fields or broken rules. Absent members are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "errors"})
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
                      List<?> errors) {

    /** Content type of a problem body. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem of the given type ({@link ProblemType} slug). */
    public static Problem of(HttpStatus status, String slug, String detail) {
        return new Problem(ProblemType.uri(slug), status.getReasonPhrase(), status.value(), detail, null, null,
                null);
    }

    /** A problem of the type that belongs to its status. */
    public static Problem of(HttpStatus status, String detail) {
        return of(status, ProblemType.forStatus(status.value()), detail);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, requestId, errors);
    }

    public Problem withRequestId(String id) {
        return new Problem(type, title, status, detail, instance, id, errors);
    }
}
