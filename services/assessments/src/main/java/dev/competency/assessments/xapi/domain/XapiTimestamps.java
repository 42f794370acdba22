package dev.competency.assessments.xapi.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** ISO 8601 timestamps as xAPI uses them: a full date and time, with an offset (a missing one is read as UTC). */
public final class XapiTimestamps {

    private static final Pattern SHAPE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|z|[+-]\\d{2}:?\\d{2}|[+-]\\d{2})?");
    private static final Pattern NEGATIVE_ZERO = Pattern.compile(".*-00(:?00)?$");

    private XapiTimestamps() {
    }

    /**
     * The instant a timestamp names.
     *
     * @throws IllegalArgumentException with the reason, when it is not an ISO 8601 date and time
     */
    public static Instant parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            throw new IllegalArgumentException("must be an ISO 8601 date and time such as 2026-11-28T10:15:30.120Z");
        }
        if (NEGATIVE_ZERO.matcher(text).matches()) {
            throw new IllegalArgumentException("must not use the negative zero offset -00:00");
        }
        String normalised = text.replace('z', 'Z');
        try {
            if (normalised.endsWith("Z") || normalised.matches(".*[+-]\\d{2}(:?\\d{2})?$")) {
                return OffsetDateTime.parse(withColonOffset(normalised)).toInstant();
            }
            return LocalDateTime.parse(normalised).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("is not a valid date and time: " + e.getParsedString(), e);
        }
    }

    private static String withColonOffset(String text) {
        if (text.endsWith("Z")) {
            return text;
        }
        int sign = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
        String offset = text.substring(sign + 1);
        if (offset.length() == 2) {
            offset = offset + ":00";
        } else if (offset.length() == 4) {
            offset = offset.substring(0, 2) + ":" + offset.substring(2);
        }
        return text.substring(0, sign + 1) + offset;
    }
}
