package ownpilot.gateway.tools.builtin;

import static ownpilot.gateway.tools.builtin.Builtins.tool;

import java.time.DateTimeException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import ownpilot.gateway.settings.SettingsService;
import ownpilot.gateway.tools.ToolDefinition;
import ownpilot.gateway.tools.ToolFailure;
import ownpilot.gateway.tools.ToolProvider;
import ownpilot.gateway.tools.ToolSchema;

/**
 * Dates, times and time zones. A date without an offset is read in the requested zone, else the
 * user's {@code timezone} setting (default UTC).
 */
@Component
class DateTimeTools implements ToolProvider {

    static final List<String> UNITS = List.of("seconds", "minutes", "hours", "days", "weeks", "months", "years");

    private final SettingsService settings;

    DateTimeTools(SettingsService settings) {
        this.settings = settings;
    }

    @Override
    public List<ToolDefinition> tools() {
        List<String> tags = List.of("date", "time", "timezone", "calendar", "clock");
        return List.of(
                tool("get_current_time", "Get the current date and time, optionally in a time zone", "core",
                        ToolSchema.object().string("timezone", "IANA zone such as Europe/Berlin", false, 64),
                        List.of("time", "date", "now", "clock", "today"),
                        (caller, args) -> describe(ZonedDateTime.now(zone(caller.userId(), Args.text(args, "timezone", null))))),
                tool("format_date", "Format a date with a pattern such as yyyy-MM-dd HH:mm or EEEE, d MMMM", "dateTime",
                        ToolSchema.object().string("date", "ISO date or date-time", true, 64)
                                .string("format", "java.time pattern, default yyyy-MM-dd'T'HH:mm:ssXXX", false, 100)
                                .string("timezone", "IANA zone for the output", false, 64),
                        tags, (caller, args) -> format(caller.userId(), args.path("date").asString(),
                                Args.text(args, "format", "yyyy-MM-dd'T'HH:mm:ssXXX"), Args.text(args, "timezone", null))),
                tool("date_diff", "Difference between two dates (date2 defaults to now) in a unit", "dateTime",
                        ToolSchema.object().string("date1", "ISO date or date-time", true, 64)
                                .string("date2", "ISO date or date-time; default now", false, 64)
                                .oneOf("unit", "Unit of the result, default days", false, UNITS),
                        tags, (caller, args) -> diff(caller.userId(), Args.text(args, "date1"), Args.text(args, "date2", null),
                                Args.text(args, "unit", "days"))),
                tool("add_to_date", "Add (or with a negative amount subtract) time to a date (default now)", "dateTime",
                        ToolSchema.object().string("date", "ISO date or date-time; default now", false, 64)
                                .integer("amount", "How many units", true, -1_000_000, 1_000_000)
                                .oneOf("unit", "Unit to add", true, UNITS),
                        tags, (caller, args) -> add(caller.userId(), Args.text(args, "date", null), Args.integer(args, "amount", 0),
                                Args.text(args, "unit"))),
                tool("convert_timezone", "Show a date-time in another time zone", "dateTime",
                        ToolSchema.object().string("date", "ISO date-time", true, 64)
                                .string("to", "Target IANA zone", true, 64)
                                .string("from", "Zone of a date-time without offset; default your zone", false, 64),
                        tags, (caller, args) -> describe(parse(caller.userId(), Args.text(args, "date"),
                                Args.text(args, "from", null)).withZoneSameInstant(zone(caller.userId(), Args.text(args, "to"))))));
    }

    ZoneId zone(String user, String requested) {
        if (requested == null || requested.isBlank()) {
            return settings.timeZone(user);
        }
        try {
            return ZoneId.of(requested);
        } catch (DateTimeException e) {
            throw new ToolFailure("Unknown time zone '" + requested + "'; use an IANA id such as Europe/Berlin");
        }
    }

    ZonedDateTime parse(String user, String text, String zoneName) {
        ZoneId zone = zone(user, zoneName);
        if (text == null || text.isBlank() || text.equalsIgnoreCase("now")) {
            return ZonedDateTime.now(zone);
        }
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(zone);
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay(zone);
                } catch (DateTimeParseException notDate) {
                    throw new ToolFailure("Cannot read '" + text + "' as an ISO date (2026-01-31) or date-time "
                            + "(2026-01-31T09:30:00Z)");
                }
            }
        }
    }

    static Map<String, Object> describe(ZonedDateTime t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("iso", t.toOffsetDateTime().toString());
        out.put("timezone", t.getZone().getId());
        out.put("date", t.toLocalDate().toString());
        out.put("time", t.toLocalTime().truncatedTo(ChronoUnit.SECONDS).toString());
        out.put("dayOfWeek", t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        out.put("unix", t.toEpochSecond());
        return out;
    }

    private Map<String, Object> format(String user, String date, String pattern, String zone) {
        DateTimeFormatter formatter;
        try {
            formatter = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
        } catch (IllegalArgumentException e) {
            throw new ToolFailure("Invalid date pattern: " + e.getMessage());
        }
        ZonedDateTime t = parse(user, date, zone);
        try {
            return Map.of("formatted", formatter.format(t), "timezone", t.getZone().getId());
        } catch (DateTimeException e) {
            throw new ToolFailure("The pattern does not fit this date: " + e.getMessage());
        }
    }

    private Map<String, Object> diff(String user, String first, String second, String unit) {
        ZonedDateTime a = parse(user, first, null);
        ZonedDateTime b = parse(user, second, null);
        long whole = chrono(unit).between(a, b);
        double exact = unit.equals("months") || unit.equals("years") ? whole
                : (b.toInstant().toEpochMilli() - a.toInstant().toEpochMilli()) / (double) chrono(unit).getDuration().toMillis();
        return Map.of("value", whole, "exact", Builtins.format(Builtins.tidy(exact)), "unit", unit,
                "from", a.toOffsetDateTime().toString(), "to", b.toOffsetDateTime().toString());
    }

    private Map<String, Object> add(String user, String date, int amount, String unit) {
        ZonedDateTime result = parse(user, date, null).plus(amount, chrono(unit));
        return describe(result);
    }

    private static ChronoUnit chrono(String unit) {
        return ChronoUnit.valueOf(unit.toUpperCase(Locale.ROOT));
    }

}
