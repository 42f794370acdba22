package dev.competency.platform.service.messaging;

/**
 * A record that no retry can make valid (unknown type, missing header, payload that breaks its contract). It goes
 * to the topic's dead-letter topic at once, with the reason, and the consumer moves on.
 */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }

    public PoisonMessageException(String message) {
        super(message);
    }
}
