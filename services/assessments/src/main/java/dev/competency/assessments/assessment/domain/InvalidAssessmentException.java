package dev.competency.assessments.assessment.domain;

import java.util.List;

/** A command that would break a rule of assessment definitions; the message says which (all of them). */
public class InvalidAssessmentException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidAssessmentException(String message) {
        this(List.of(message));
    }

    public InvalidAssessmentException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
