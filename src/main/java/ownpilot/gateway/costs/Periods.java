package ownpilot.gateway.costs;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/** Where a period starts, in the user's time zone: today, this ISO week (Monday), this month, this year. */
final class Periods {

    static final List<String> NAMES = List.of("day", "week", "month", "year");

    private Periods() {}

    static OffsetDateTime start(String period, ZoneId zone) {
        LocalDate today = LocalDate.now(zone);
        LocalDate first = switch (period) {
            case "day" -> today;
            case "week" -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "year" -> today.withDayOfYear(1);
            default -> today.withDayOfMonth(1);
        };
        return first.atStartOfDay(zone).toOffsetDateTime();
    }
}
