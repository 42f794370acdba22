package dev.competency.platform.service.arrival;

/**
 * Something a request needs is not known to this service yet, and its consumer has not read the stream that would
 * bring it this far: the service answers 503 with {@code Retry-After} ({@code /problems/read-model-behind}), and the
 * caller tries again shortly.
 */
public class StreamBehind extends RuntimeException {

    public StreamBehind(String message) {
        super(message);
    }
}
