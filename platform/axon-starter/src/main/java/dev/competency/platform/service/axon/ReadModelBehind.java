package dev.competency.platform.service.axon;

/**
 * The read models have not caught up with the event store in time (for example while they are rebuilt): answered
 * 503 {@code /problems/read-model-behind} with a {@code Retry-After} by {@link AxonProblems}.
 */
public class ReadModelBehind extends RuntimeException {

    public ReadModelBehind(String message) {
        super(message);
    }
}
