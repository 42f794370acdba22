package dev.competency.platform.service.messaging;

/**
 * A record that no retry can make valid (unknown type, missing header, payload that breaks its contract). It goes
 * to the topic's dead-letter topic at once, with the reason, and the consumer moves on.
 *
 * <p>The reason travels in the dead-letter record's headers (the message, and again in the stack trace), beside the
 * record itself: it is cut to {@link #MAX_MESSAGE_LENGTH} characters, and values quoted in it to
 * {@link #MAX_QUOTED_LENGTH} with {@link #quoted}, so that a reason quoting a value of the record (a key of 600 KB)
 * never makes the dead-letter record larger than the broker takes. A dead letter that cannot be written stops the
 * consumer on that record for good.
 */
public class PoisonMessageException extends RuntimeException {

    /** The longest reason kept, in characters. */
    public static final int MAX_MESSAGE_LENGTH = 2_000;
    /** The longest value quoted in a reason, in characters. */
    public static final int MAX_QUOTED_LENGTH = 200;

    public PoisonMessageException(String message, Throwable cause) {
        super(shortened(message, MAX_MESSAGE_LENGTH), cause);
    }

    public PoisonMessageException(String message) {
        super(shortened(message, MAX_MESSAGE_LENGTH));
    }

    /** {@code value} in single quotes, its start only when it is longer than {@link #MAX_QUOTED_LENGTH}. */
    public static String quoted(String value) {
        return value == null ? "null" : "'" + shortened(value, MAX_QUOTED_LENGTH) + "'";
    }

    /** {@code text}, or its first {@code length} characters followed by its whole length when it is longer. */
    static String shortened(String text, int length) {
        if (text == null || text.length() <= length) {
            return text;
        }
        return text.substring(0, length) + "… (" + text.length() + " characters)";
    }
}
