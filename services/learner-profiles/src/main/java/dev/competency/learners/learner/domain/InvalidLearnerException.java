package dev.competency.learners.learner.domain;

/** A command that would break a rule of learners; the message says which. */
public class InvalidLearnerException extends IllegalArgumentException {

    public InvalidLearnerException(String message) {
        super(message);
    }
}
