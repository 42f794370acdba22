package dev.competency.learners.learner.domain;

import dev.competency.platform.service.error.Refusal;

/** Registering a learner twice; answered with 409. */
public class LearnerAlreadyRegistered extends Refusal {

    public LearnerAlreadyRegistered(String learnerId) {
        super(Kind.CONFLICT, "Learner " + learnerId + " is already registered");
    }
}
