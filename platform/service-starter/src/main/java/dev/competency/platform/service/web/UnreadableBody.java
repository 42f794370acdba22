package dev.competency.platform.service.web;

import dev.competency.platform.service.error.Refusal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * What is wrong with a request body that could not be read, in the caller's words: the field (as a path such as
 * {@code evidence[0].score}) and what it must be, never the Java types behind it.
 *
 * @param field the field's path, or null when the body as a whole is wrong (missing, not JSON, not an object); the
 *              message is then the whole sentence
 */
record UnreadableBody(String field, String message) {

    private static final int MAX_ECHO = 40;

    static UnreadableBody of(HttpMessageNotReadableException e) {
        JacksonException jackson = find(e, JacksonException.class);
        if (jackson == null) {
            return new UnreadableBody(null, "The request body is missing or is not JSON");
        }
        if (jackson instanceof StreamConstraintsException) {
            return new UnreadableBody(null, "The request body goes past a limit of this service's JSON reader"
                    + " (nesting depth, length of a number or of a text)");
        }
        if (jackson instanceof StreamReadException) {
            return new UnreadableBody(null, "The request body is not well-formed JSON" + at(jackson.getLocation()));
        }
        String field = path(jackson.getPath());
        String missing = missingProperty(jackson);
        if (missing != null) {
            return new UnreadableBody(field == null ? missing : field + "." + missing, "is required");
        }
        if (field == null) {
            return new UnreadableBody(null, "The request body " + message(jackson));
        }
        return new UnreadableBody(field, message(jackson));
    }

    /** The property a creator needed and the body lacked, as Jackson names it in its message, if that was it. */
    private static String missingProperty(JacksonException e) {
        String message = e.getOriginalMessage();
        if (!(e instanceof MismatchedInputException) || message == null
                || !message.startsWith("Missing required creator property '")) {
            return null;
        }
        int start = message.indexOf('\'') + 1;
        int end = message.indexOf('\'', start);
        return end > start ? message.substring(start, end) : null;
    }

    private static String message(JacksonException e) {
        if (e instanceof ValueInstantiationException instantiation) {
            Throwable cause = instantiation.getCause();
            if (cause instanceof Refusal || cause instanceof IllegalArgumentException) {
                return "is not valid: " + cause.getMessage();
            }
            return "is not valid";
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this resource";
        }
        if (e instanceof InvalidTypeIdException) {
            return "names an unknown type";
        }
        if (e instanceof InvalidNullException) {
            return "is required";
        }
        if (e instanceof InvalidFormatException format) {
            return "must be " + expected(format.getTargetType()) + " but was '"
                    + shorten(String.valueOf(format.getValue())) + "'";
        }
        if (e instanceof MismatchedInputException mismatch) {
            String message = mismatch.getOriginalMessage();
            if (message != null && (message.startsWith("Null value") || message.startsWith("Cannot map `null`"))) {
                return "is required";
            }
            return "must be " + expected(mismatch.getTargetType());
        }
        return "is not valid";
    }

    /** A Java type in plain words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "text";
        }
        if (List.of(int.class, long.class, short.class, byte.class, Integer.class, Long.class, Short.class,
                Byte.class, BigInteger.class).contains(type)) {
            return "a whole number";
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "a date and time such as 2025-03-10T13:42:17Z";
        }
        if (type == LocalDate.class) {
            return "a date such as 2025-03-10";
        }
        if (type == Duration.class) {
            return "an ISO-8601 duration such as PT45M";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object";
    }

    static String shorten(String value) {
        String printable = value.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= MAX_ECHO ? printable : printable.substring(0, MAX_ECHO) + "...";
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static <T> T find(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
