package dev.competency.platform.service.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem types every service answers with (RFC 9457). Types are stable relative URIs, {@code /problems/<slug>},
 * documented in the README; they never carry class names or stack traces.
 */
public final class Problems {

    public static final String INVALID_REQUEST = "invalid-request";
    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not-found";
    public static final String CONFLICT = "conflict";
    public static final String UNPROCESSABLE = "unprocessable";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String INTERNAL = "internal-error";

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create("/problems/" + slug);
    }

    public static ProblemDetail of(HttpStatus status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
