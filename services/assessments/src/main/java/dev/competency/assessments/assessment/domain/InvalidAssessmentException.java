package dev.competency.assessments.assessment.domain;

import dev.competency.platform.service.error.Refusal;
import java.util.List;

/**
 * A command that would break a rule of assessment definitions; the message says which (all of them). Answered with
 * 400, every problem listed.
 */
public class InvalidAssessmentException extends Refusal {

    private final List<String> problems;

    public InvalidAssessmentException(String message) {
        this(List.of(message));
    }

    public InvalidAssessmentException(List<String> problems) {
        super(Kind.INVALID, String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
