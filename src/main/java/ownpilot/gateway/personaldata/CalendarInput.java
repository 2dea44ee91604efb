package ownpilot.gateway.personaldata;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import ownpilot.gateway.shared.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web UI's calendar fields onto the spec's: {@code startDate} ("YYYY-MM-DD") with an optional
 * {@code startTime} ("HH:MM") becomes the {@code startTime} instant in the user's time zone (likewise
 * {@code endDate}/{@code endTime}), {@code isAllDay} becomes {@code allDay}. Date-only filters mean
 * whole days in the user's zone. A body in the spec's shape passes unchanged.
 */
final class CalendarInput {

    private CalendarInput() {}

    static JsonNode normalize(JsonNode body, ZoneId zone) {
        if (!(body instanceof ObjectNode in) || !(in.has("startDate") || in.has("endDate") || in.has("isAllDay"))) {
            return body;
        }
        ObjectNode out = in.deepCopy();
        boolean allDay = in.path("isAllDay").asBoolean(in.path("allDay").asBoolean(false));
        if (in.has("isAllDay")) {
            out.remove("isAllDay");
            out.put("allDay", allDay);
        }
        combine(out, "startDate", "startTime", zone, allDay, false);
        combine(out, "endDate", "endTime", zone, allDay, true);
        return out;
    }

    private static void combine(ObjectNode out, String dateField, String timeField, ZoneId zone, boolean allDay,
            boolean end) {
        JsonNode date = out.remove(dateField);
        if (date == null || date.isNull()) {
            return;
        }
        LocalDate day = date(dateField, date.asString());
        JsonNode time = out.get(timeField);
        LocalTime at = LocalTime.MIDNIGHT;
        if (!allDay && time != null && time.isString() && !time.asString().isBlank()) {
            try {
                at = LocalTime.parse(time.asString());
            } catch (DateTimeException e) {
                throw ApiException.validation(timeField, "must be HH:MM when " + dateField + " is given");
            }
        } else if (allDay && end) {
            at = LocalTime.of(23, 59, 59);
        }
        out.put(timeField, day.atTime(at).atZone(zone).toOffsetDateTime().toString());
    }

    /** A filter bound: an ISO date-time, or a date meaning its first (or, as an upper bound, last) moment. */
    static OffsetDateTime bound(String name, String value, ZoneId zone, boolean upper) {
        if (value == null) {
            return null;
        }
        if (value.length() == 10) {
            LocalDate day = date(name, value);
            return (upper ? day.plusDays(1).atStartOfDay(zone).minusNanos(1) : day.atStartOfDay(zone))
                    .toOffsetDateTime();
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeException e) {
            throw ApiException.validation(name, "must be a date (YYYY-MM-DD) or an ISO-8601 date-time with offset");
        }
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw ApiException.validation(name, "must be a date, YYYY-MM-DD");
        }
    }
}
