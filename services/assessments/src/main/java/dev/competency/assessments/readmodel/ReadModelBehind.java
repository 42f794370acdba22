package dev.competency.assessments.readmodel;

/**
 * The service cannot answer yet because a read model is behind: a change stored here that the read model does not
 * show in time (for example while it is being rebuilt), or another service's stream that has not been read this far.
 */
public class ReadModelBehind extends RuntimeException {

    public ReadModelBehind(String aggregateId, long expected, long applied) {
        this("The change to " + aggregateId + " is stored, but the read model has not caught up yet (at event "
                + applied + " of " + expected + "); read it again shortly");
    }

    public ReadModelBehind(String message) {
        super(message);
    }
}
