package ownpilot.gateway.personaldata;

import static ownpilot.gateway.shared.records.FieldSpec.of;
import static ownpilot.gateway.shared.records.FieldSpec.text;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ownpilot.gateway.settings.SettingsService;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.QueryParams;
import ownpilot.gateway.shared.records.FieldFormat;
import ownpilot.gateway.shared.records.FieldType;
import ownpilot.gateway.shared.records.RecordSchema;
import ownpilot.gateway.shared.records.RecordStore;
import ownpilot.gateway.shared.records.SqlFilter;
import tools.jackson.databind.JsonNode;

/**
 * Calendar events, ordered by start. today = events overlapping the user's current day (their
 * time zone); upcoming = events starting between now and {@code days} (default 7) days ahead.
 */
@Component
class CalendarRecords extends PersonalRecords {

    static final RecordSchema SCHEMA = new RecordSchema("calendar_events", "Event", List.of(
            text("title", "title").asRequired().maxLength(500),
            text("description", "description").maxLength(10_000),
            text("location", "location").maxLength(500),
            of("startTime", "start_time", FieldType.TIMESTAMP).asRequired(),
            of("endTime", "end_time", FieldType.TIMESTAMP),
            of("allDay", "all_day", FieldType.BOOLEAN),
            text("timezone", "timezone").maxLength(64),
            text("recurrence", "recurrence").maxLength(200),
            of("reminderMinutes", "reminder_minutes", FieldType.INTEGER).range(0, 40_320),
            text("category", "category").maxLength(100),
            of("tags", "tags", FieldType.STRING_LIST),
            text("color", "color").maxLength(9).format(FieldFormat.HEX_COLOR_OR_NAME),
            text("externalId", "external_id").maxLength(500),
            text("externalSource", "external_source").maxLength(100),
            of("attendees", "attendees", FieldType.STRING_LIST)));

    private final SettingsService settings;

    CalendarRecords(RecordStore store, SettingsService settings) {
        super(store, SCHEMA);
        this.settings = settings;
    }

    @Override
    String noun() {
        return "calendar_event";
    }

    @Override
    String idParam() {
        return "eventId";
    }

    @Override
    String toolCategory() {
        return "calendar";
    }

    @Override
    String orderBy() {
        return "start_time ASC, id";
    }

    @Override
    List<FilterParam> filters() {
        return List.of(
                new FilterParam("startAfter", "string", "Only events starting at or after this ISO date-time "
                        + "(or date)"),
                new FilterParam("startBefore", "string", "Only events starting at or before this ISO date-time "
                        + "(or the end of this date)"),
                new FilterParam("category", "string", "Only events in this category"),
                new FilterParam("search", "string", "Words to find in title, description or location"));
    }

    @Override
    SqlFilter filter(String userId, QueryParams params) {
        SqlFilter filter = new SqlFilter().equal("category", params.text("category"))
                .search(params.text("search"), List.of("title", "description", "location"));
        ZoneId zone = settings.timeZone(userId);
        OffsetDateTime after = CalendarInput.bound("startAfter", params.text("startAfter"), zone, false);
        OffsetDateTime before = CalendarInput.bound("startBefore", params.text("startBefore"), zone, true);
        if (after != null) {
            filter.where("start_time >= :start_after", Map.of("start_after", after));
        }
        if (before != null) {
            filter.where("start_time <= :start_before", Map.of("start_before", before));
        }
        return filter;
    }

    @Override
    JsonNode normalize(String userId, JsonNode body) {
        return CalendarInput.normalize(body, settings.timeZone(userId));
    }

    @Override
    void checkConsistency(String userId, Map<String, Object> existing, Map<String, Object> values) {
        Object zone = values.get("timezone");
        if (zone != null) {
            try {
                ZoneId.of(zone.toString());
            } catch (DateTimeException e) {
                throw ApiException.validation("timezone", "must be an IANA time zone such as Europe/Berlin");
            }
        }
        OffsetDateTime start = values.containsKey("start_time") ? (OffsetDateTime) values.get("start_time")
                : existing == null ? null : OffsetDateTime.parse(existing.get("startTime").toString());
        OffsetDateTime end = values.containsKey("end_time") ? (OffsetDateTime) values.get("end_time")
                : existing == null || existing.get("endTime") == null ? null
                : OffsetDateTime.parse(existing.get("endTime").toString());
        if (start != null && end != null && end.isBefore(start)) {
            throw ApiException.validation("endTime", "must not be before startTime");
        }
    }

    List<Map<String, Object>> today(String userId, QueryParams params) {
        ZoneId zone = settings.timeZone(userId);
        LocalDate today = LocalDate.now(zone);
        SqlFilter filter = new SqlFilter().where(
                "start_time < :day_end AND COALESCE(end_time, start_time) >= :day_start",
                Map.of("day_start", today.atStartOfDay(zone).toOffsetDateTime(),
                        "day_end", today.plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
        return list(userId, filter, params);
    }

    List<Map<String, Object>> upcoming(String userId, QueryParams params) {
        int days = params.integer("days", 7, 1, 365);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        SqlFilter filter = new SqlFilter().where("start_time >= :from_time AND start_time <= :to_time",
                Map.of("from_time", now, "to_time", now.plusDays(days)));
        return list(userId, filter, params);
    }
}
