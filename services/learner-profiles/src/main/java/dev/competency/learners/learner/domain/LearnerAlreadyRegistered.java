package dev.competency.learners.learner.domain;

/** Registering a learner twice; answered with 409. */
public class LearnerAlreadyRegistered extends IllegalStateException {

    public LearnerAlreadyRegistered(String learnerId) {
        super("Learner " + learnerId + " is already registered");
    }
}
