package dev.competency.assessments.xapi.web;

import dev.competency.assessments.xapi.query.StatementStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every response of the statements resource, errors included (400, 401, 404, 409), carries
 * {@code X-Experience-API-Consistent-Through}: the instant up to which every statement is visible to queries, taken
 * when the request arrives. A query answers from that same instant (request attribute {@link #ATTRIBUTE}).
 */
class ConsistentThroughFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = "xapi.consistentThrough";

    private final StatementStore store;

    ConsistentThroughFilter(StatementStore store) {
        this.store = store;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().endsWith("/xapi/statements");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Instant through = store.consistentThrough();
        request.setAttribute(ATTRIBUTE, through);
        response.setHeader(XapiHeaders.CONSISTENT_THROUGH, DateTimeFormatter.ISO_INSTANT.format(through));
        chain.doFilter(request, response);
    }
}
