package dev.competency.frameworks.interop.casefile;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identifiers and timestamps as CASE writes them, and as real-world packages write them instead. */
final class CaseIds {

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private CaseIds() {
    }

    static boolean isUuid(String value) {
        return value != null && UUID_FORM.matcher(value).matches();
    }

    /** A UUID derived from the parts, the same every time. */
    static String derived(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("/", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Whether {@code value} is a date-time or date that can be read but has no UTC offset. */
    static boolean lacksOffset(String value) {
        try {
            OffsetDateTime.parse(value);
            return false;
        } catch (DateTimeParseException offsetMissing) {
            return instant(value) != null;
        }
    }

    /** A CASE date-time: with an offset, or local (taken as UTC, as some exporters write it), or a date; else null. */
    static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException offsetMissing) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notADate) {
                    return null;
                }
            }
        }
    }
}
