package dev.competency.platform.service.web;

import dev.competency.platform.problem.Problem;
import dev.competency.platform.service.error.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's {@link Problem} body (RFC 9457) on the servlet side: as Spring MVC's {@link ProblemDetail} for
 * controllers and exception handlers (Spring MVC adds the request path as {@code instance}), and written straight to
 * the response where an answer is given before Spring MVC runs. The types are those of
 * {@link dev.competency.platform.problem.ProblemType}, documented in the README.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String slug, String detail) {
        Problem body = Problem.of(status, slug, detail);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, body.detail());
        problem.setType(URI.create(body.type()));
        problem.setTitle(body.title());
        return problem;
    }

    /** The problem detail of a refusal: its status, type and message, and what more its kind says. */
    public static ProblemDetail of(Refusal refusal) {
        ProblemDetail problem = of(HttpStatus.valueOf(refusal.kind().status()), refusal.slug(), refusal.getMessage());
        refusal.properties().forEach(problem::setProperty);
        return problem;
    }

    /**
     * Writes a problem detail straight to a servlet response, for the places that answer before Spring MVC does
     * (security, request limits).
     */
    public static void write(HttpServletResponse response, JsonMapper json, HttpStatus status, String slug,
                             String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(Problem.MEDIA_TYPE);
        json.writeValue(response.getOutputStream(), Problem.of(status, slug, detail));
    }
}
