package dev.competency.analytics.period;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * A reporting period, from its first day (00:00 UTC) to the first day of the next (exclusive): an ISO week from Monday,
 * or a calendar month.
 */
public record Period(LocalDate start, LocalDate end) {

    /** The most periods one answer covers. */
    public static final int MAX_PERIODS = 520;

    public enum Interval { WEEK, MONTH }

    public long startMillis() {
        return start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    public long endMillis() {
        return end.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** The periods that contain a day from {@code from} to {@code to}, both included, in order. */
    public static List<Period> covering(LocalDate from, LocalDate to, Interval interval) {
        LocalDate start = interval == Interval.WEEK ? from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : from.withDayOfMonth(1);
        List<Period> periods = new ArrayList<>();
        while (!start.isAfter(to)) {
            LocalDate end = interval == Interval.WEEK ? start.plusWeeks(1) : start.plusMonths(1);
            periods.add(new Period(start, end));
            start = end;
        }
        return periods;
    }

    /** How many periods {@link #covering} would return, without building them. */
    public static long count(LocalDate from, LocalDate to, Interval interval) {
        LocalDate start = interval == Interval.WEEK ? from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : from.withDayOfMonth(1);
        return interval == Interval.WEEK ? java.time.temporal.ChronoUnit.WEEKS.between(start, to) + 1
                : java.time.temporal.ChronoUnit.MONTHS.between(start, to) + 1;
    }
}
