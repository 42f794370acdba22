package dev.competency.learners.learner.domain;

import dev.competency.platform.service.error.Refusal;

/** A command that would break a rule of learners; the message says which. Answered with 400. */
public class InvalidLearnerException extends Refusal {

    public InvalidLearnerException(String message) {
        super(Kind.INVALID, message);
    }
}
