package dev.competency.analytics.web;

import dev.competency.analytics.period.Period;
import dev.competency.analytics.privacy.GroupBy;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads the query parameters of the analytics views. Every parameter arrives as text so that a wrong value is
 * refused with its name and what it must be, as {@link InvalidParameter}.
 */
public final class QueryParameters {

    private static final int MAX_ID_LENGTH = 200;

    private QueryParameters() {
    }

    /** An optional identifier: null when absent or blank. */
    public static String id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidParameter(name, "must be at most " + MAX_ID_LENGTH + " characters");
        }
        return value;
    }

    public static String requiredId(String name, String value) {
        String id = id(name, value);
        if (id == null) {
            throw new InvalidParameter(name, "is required");
        }
        return id;
    }

    public static GroupBy groupBy(String value) {
        if (value == null || value.isBlank()) {
            return GroupBy.UNIT;
        }
        return switch (value) {
            case "unit" -> GroupBy.UNIT;
            case "team" -> GroupBy.TEAM;
            default -> throw new InvalidParameter("groupBy", "must be unit or team but was '" + shorten(value) + "'");
        };
    }

    public static Period.Interval interval(String value) {
        if (value == null || value.isBlank()) {
            return Period.Interval.WEEK;
        }
        return switch (value) {
            case "week" -> Period.Interval.WEEK;
            case "month" -> Period.Interval.MONTH;
            default -> throw new InvalidParameter("interval", "must be week or month but was '" + shorten(value)
                    + "'");
        };
    }

    /** An integer from {@code min} to {@code max}, or {@code fallback} when absent. */
    public static int integer(String name, String value, int min, int max, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new InvalidParameter(name, "must be from " + min + " to " + max + " but was " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidParameter(name, "must be a whole number but was '" + shorten(value) + "'");
        }
    }

    /** An optional integer of at least 1 (a version). */
    public static Integer version(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return integer(name, value, 1, Integer.MAX_VALUE, 1);
    }

    /** A share in (0, 1], or {@code fallback}. */
    public static double threshold(String name, String value, double fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value.trim());
            if (!(parsed > 0 && parsed <= 1)) {
                throw new InvalidParameter(name, "must be more than 0 and at most 1 but was " + shorten(value));
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidParameter(name, "must be a number but was '" + shorten(value) + "'");
        }
    }

    /** A day: an ISO date, or an ISO instant whose UTC day is taken; null when absent. */
    public static LocalDate date(String name, String value) {
        return dateOrInstant(name, value, day -> day,
                instant -> instant.atZoneSameInstant(ZoneOffset.UTC).toLocalDate());
    }

    /**
     * An instant in epoch millis: an ISO instant as given, or an ISO date meaning the end of that day (UTC); null when
     * absent.
     */
    public static Long instant(String name, String value) {
        return dateOrInstant(name, value,
                day -> day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1,
                instant -> instant.toInstant().toEpochMilli());
    }

    /** An ISO date, else an ISO instant, each turned into the answer by its function; null when absent. */
    private static <T> T dateOrInstant(String name, String value, Function<LocalDate, T> ofDate,
                                       Function<OffsetDateTime, T> ofInstant) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ofDate.apply(LocalDate.parse(value.trim()));
        } catch (DateTimeException e) {
            try {
                return ofInstant.apply(OffsetDateTime.parse(value.trim()));
            } catch (DateTimeException second) {
                throw new InvalidParameter(name, "must be an ISO date (2026-12-31) or instant (2026-12-31T10:00:00Z)"
                        + " but was '" + shorten(value) + "'");
            }
        }
    }

    /** The range of a periodic view: defaults to the twelve periods up to today; refuses reversed or huge ranges. */
    public static LocalDate[] range(String fromValue, String toValue, Period.Interval interval, Instant now) {
        LocalDate to = date("to", toValue);
        LocalDate from = date("from", fromValue);
        if (to == null) {
            to = LocalDate.ofInstant(now, ZoneOffset.UTC);
        }
        if (from == null) {
            from = interval == Period.Interval.WEEK ? to.minusWeeks(11) : to.minusMonths(11).withDayOfMonth(1);
        }
        if (from.isAfter(to)) {
            throw new InvalidParameter("from", "must not be after to (" + to + ")");
        }
        if (Period.count(from, to, interval) > Period.MAX_PERIODS) {
            throw new InvalidParameter("from", "the range may cover at most " + Period.MAX_PERIODS + " "
                    + interval.name().toLowerCase(Locale.ROOT) + "s");
        }
        return new LocalDate[] {from, to};
    }

    private static String shorten(String value) {
        String single = value.replaceAll("\\p{Cntrl}", "?");
        return single.length() > 40 ? single.substring(0, 40) + "…" : single;
    }
}
