package dev.competency.assessments.xapi.web;

import dev.competency.platform.problem.ProblemType;
import dev.competency.platform.service.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every xAPI response says which xAPI version it speaks, and every request but {@code /xapi/about} must say which
 * version it was written for: 1.0.x or 2.0.0. Requests without it, or with another version, get 400.
 */
class XapiVersionFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    XapiVersionFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(XapiHeaders.VERSION, XapiHeaders.CURRENT_VERSION);
        if (request.getRequestURI().endsWith("/xapi/about")) {
            chain.doFilter(request, response);
            return;
        }
        String version = request.getHeader(XapiHeaders.VERSION);
        if (version == null || !XapiHeaders.ACCEPTED_VERSIONS.matcher(version).matches()) {
            Problems.write(response, json, HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST, version == null
                    ? "The " + XapiHeaders.VERSION + " header is required (2.0.0 or 1.0.x)"
                    : "xAPI version " + version + " is not supported; use 2.0.0 or 1.0.x");
            return;
        }
        chain.doFilter(request, response);
    }
}
