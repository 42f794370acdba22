package dev.competency.assessments.assessment.domain;

/** A command that would break a rule of assessment definitions; the message says which. */
public class InvalidAssessmentException extends IllegalArgumentException {

    public InvalidAssessmentException(String message) {
        super(message);
    }
}
