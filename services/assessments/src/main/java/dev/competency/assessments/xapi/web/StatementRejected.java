package dev.competency.assessments.xapi.web;

import dev.competency.assessments.xapi.domain.StatementProblem;
import java.util.List;

/** A statement request that cannot be accepted as sent (400), with every problem found. */
class StatementRejected extends RuntimeException {

    private final List<StatementProblem> problems;

    StatementRejected(List<StatementProblem> problems) {
        super(problems.size() + " problem(s): " + String.join("; ", problems.stream().map(Object::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    List<StatementProblem> problems() {
        return problems;
    }
}
