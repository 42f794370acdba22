package dev.competency.assessments.xapi.web;

import dev.competency.assessments.xapi.domain.StatementProblem;
import java.util.List;

/**
 * An xAPI request that cannot be accepted as sent (400): a statement, a document or a query parameter, with every
 * problem found, each with where it is (a JSON path in the body, or the parameter's name).
 */
class InvalidXapiRequest extends RuntimeException {

    private final List<StatementProblem> problems;

    InvalidXapiRequest(List<StatementProblem> problems) {
        super(problems.size() + " problem(s): " + String.join("; ", problems.stream().map(Object::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    /** One problem with one parameter or part of the request. */
    static InvalidXapiRequest of(String where, String message) {
        return new InvalidXapiRequest(List.of(new StatementProblem(where, message)));
    }

    List<StatementProblem> problems() {
        return problems;
    }
}
