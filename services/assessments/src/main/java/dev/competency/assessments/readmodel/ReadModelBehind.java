package dev.competency.assessments.readmodel;

/**
 * The change was stored, but the read model did not show it in time (for example while it is being rebuilt). Another
 * service's stream that has not been read far enough is the platform's
 * {@link dev.competency.platform.service.arrival.StreamBehind}; both answer the same 503.
 */
public class ReadModelBehind extends RuntimeException {

    public ReadModelBehind(String aggregateId, long expected, long applied) {
        super("The change to " + aggregateId + " is stored, but the read model has not caught up yet (at event "
                + applied + " of " + expected + "); read it again shortly");
    }
}
