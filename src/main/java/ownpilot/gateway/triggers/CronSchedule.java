package ownpilot.gateway.triggers;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.quartz.CronExpression;
import org.springframework.http.HttpStatus;
import ownpilot.gateway.shared.ApiException;

/**
 * A schedule trigger's cron expression in its time zone, checked and evaluated by Quartz's
 * {@link CronExpression}. Five fields are the usual {@code minute hour day-of-month month day-of-week}
 * (day of week 0–7, 0 and 7 Sunday), turned into Quartz's form with seconds 0; six or seven fields are
 * Quartz's own (seconds first, {@code ?} for the unused day field). Restricting both day fields at
 * once is refused: Quartz cannot express "either day", and silently picking one would fire on the
 * wrong days.
 */
record CronSchedule(String cron, String quartz, ZoneId zone) {

    private static final Map<String, String> WEEKDAYS = Map.of("0", "SUN", "1", "MON", "2", "TUE", "3", "WED",
            "4", "THU", "5", "FRI", "6", "SAT", "7", "SUN");

    static CronSchedule parse(String cron, ZoneId zone) {
        if (cron == null || cron.isBlank() || cron.length() > 120) {
            throw invalid("cron must be a cron expression of at most 120 characters");
        }
        String[] fields = cron.trim().split("\\s+");
        String quartz = switch (fields.length) {
            case 5 -> fromFiveFields(fields);
            case 6, 7 -> String.join(" ", fields);
            default -> throw invalid("cron must have 5 fields (minute hour day month weekday) or Quartz's 6 or 7; "
                    + "got " + fields.length);
        };
        try {
            CronExpression.validateExpression(quartz);
        } catch (ParseException e) {
            throw invalid("Invalid cron expression \"" + cron + "\": " + e.getMessage());
        }
        return new CronSchedule(cron.trim(), quartz, zone);
    }

    private static String fromFiveFields(String[] f) {
        boolean anyDay = f[2].equals("*") || f[2].equals("?");
        boolean anyWeekday = f[4].equals("*") || f[4].equals("?");
        if (!anyDay && !anyWeekday) {
            throw invalid("cron cannot restrict both the day of month and the day of week; keep one of them \"*\"");
        }
        String day = anyWeekday ? f[2] : "?";
        String weekday = anyWeekday ? "?" : weekdays(f[4]);
        return String.join(" ", "0", f[0], f[1], day, f[3], weekday);
    }

    /** Day-of-week numbers as names (Quartz counts from 1 = Sunday); step widths stay numbers. */
    private static String weekdays(String field) {
        List<String> parts = new ArrayList<>();
        for (String part : field.split(",", -1)) {
            String[] stepped = part.split("/", 2);
            List<String> bounds = new ArrayList<>();
            for (String bound : stepped[0].split("-", -1)) {
                bounds.add(WEEKDAYS.getOrDefault(bound, bound));
            }
            parts.add(String.join("-", bounds) + (stepped.length == 2 ? "/" + stepped[1] : ""));
        }
        return String.join(",", parts);
    }

    CronExpression expression() {
        try {
            CronExpression expression = new CronExpression(quartz);
            expression.setTimeZone(java.util.TimeZone.getTimeZone(zone));
            return expression;
        } catch (ParseException e) {
            throw new IllegalStateException("validated cron no longer parses: " + quartz, e);
        }
    }

    /** The next {@code count} fire times after {@code after}, fewer if the expression ends (a year field). */
    List<Instant> next(Instant after, int count) {
        CronExpression expression = expression();
        List<Instant> times = new ArrayList<>();
        Date cursor = Date.from(after);
        while (times.size() < count) {
            cursor = expression.getNextValidTimeAfter(cursor);
            if (cursor == null) {
                break;
            }
            times.add(cursor.toInstant());
        }
        return times;
    }

    /** Refuses a schedule that fires more often than every {@code minSeconds} (checked over its next fires). */
    void checkInterval(int minSeconds, Instant now) {
        List<Instant> times = next(now, 6);
        if (times.isEmpty()) {
            throw invalid("cron expression \"" + cron + "\" never fires again");
        }
        for (int i = 1; i < times.size(); i++) {
            if (times.get(i).getEpochSecond() - times.get(i - 1).getEpochSecond() < minSeconds) {
                throw invalid("cron expression \"" + cron + "\" fires more often than every " + minSeconds
                        + " s (the gateway's minimum, OWNPILOT_TRIGGERS_MIN_INTERVAL_SECONDS)");
            }
        }
    }

    private static ApiException invalid(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_CRON", message);
    }
}
