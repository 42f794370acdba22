package dev.competency.platform.service.messaging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * The exception headers of a dead letter, as Spring Kafka writes them (class, cause class, message, stack trace), but
 * with the message cut to {@value #MAX_MESSAGE} and the stack trace to {@value #MAX_STACK_TRACE} characters. Any
 * exception's message may quote the record (a domain rule naming the 300,000-character title it refused), and the
 * stack trace repeats the message of every cause: unbounded, the headers beside the record made the dead letter
 * larger than the broker takes, and a dead letter that cannot be written stops the consumer on that record for good.
 */
final class BoundedExceptionHeaders implements DeadLetterPublishingRecoverer.ExceptionHeadersCreator {

    static final int MAX_MESSAGE = 2_000;
    static final int MAX_STACK_TRACE = 16_000;

    @Override
    public void create(Headers headers, Exception exception, boolean isKey,
            DeadLetterPublishingRecoverer.HeaderNames names) {
        DeadLetterPublishingRecoverer.HeaderNames.ExceptionInfo info = names.getExceptionInfo();
        Throwable cause = exception.getCause();
        if (isKey) {
            headers.add(info.getKeyExceptionFqcn(), bytes(exception.getClass().getName()));
            headers.add(info.getKeyExceptionMessage(), bounded(String.valueOf(exception.getMessage()), MAX_MESSAGE));
            headers.add(info.getKeyExceptionStacktrace(), bounded(stackTrace(exception), MAX_STACK_TRACE));
            return;
        }
        headers.add(info.getExceptionFqcn(), bytes(exception.getClass().getName()));
        if (cause != null) {
            headers.add(info.getExceptionCauseFqcn(), bytes(cause.getClass().getName()));
        }
        headers.add(info.getExceptionMessage(), bounded(messageOf(exception), MAX_MESSAGE));
        headers.add(info.getExceptionStacktrace(), bounded(stackTrace(exception), MAX_STACK_TRACE));
    }

    /** The message Spring Kafka would write: the cause's when the listener's wrapper has one. */
    private static String messageOf(Exception exception) {
        Throwable cause = exception.getCause();
        return String.valueOf(cause != null && cause.getMessage() != null ? cause.getMessage()
                : exception.getMessage());
    }

    private static String stackTrace(Throwable exception) {
        StringWriter trace = new StringWriter();
        exception.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    /** The text cut as a poison record's reason is ({@link PoisonMessageException#shortened}), as UTF-8. */
    private static byte[] bounded(String text, int length) {
        return bytes(PoisonMessageException.shortened(text, length));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
