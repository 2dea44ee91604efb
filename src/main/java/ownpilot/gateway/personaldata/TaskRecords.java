package ownpilot.gateway.personaldata;

import static ownpilot.gateway.shared.records.FieldSpec.of;
import static ownpilot.gateway.shared.records.FieldSpec.text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ownpilot.gateway.settings.SettingsService;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.DomainEvents;
import ownpilot.gateway.shared.QueryParams;
import ownpilot.gateway.shared.records.FieldType;
import ownpilot.gateway.shared.records.RecordSchema;
import ownpilot.gateway.shared.records.RecordStore;
import ownpilot.gateway.shared.records.SqlFilter;

/**
 * Tasks. Date views use the user's time zone (setting {@code timezone}, default UTC) and only open
 * tasks ({@code pending}, {@code in_progress}): today = due today; overdue = due before today;
 * upcoming = due after today and at most {@code days} (default 7) days ahead.
 */
@Component
class TaskRecords extends PersonalRecords {

    static final List<String> STATUSES = List.of("pending", "in_progress", "completed", "cancelled");
    static final List<String> PRIORITIES = List.of("low", "medium", "high", "urgent");
    private static final String OPEN = "status IN ('pending', 'in_progress')";

    static final RecordSchema SCHEMA = new RecordSchema("tasks", "Task", List.of(
            text("title", "title").asRequired().maxLength(500),
            text("description", "description").maxLength(10_000),
            text("status", "status").oneOf(STATUSES),
            text("priority", "priority").oneOf(PRIORITIES).alias("normal", "medium"),
            of("dueDate", "due_date", FieldType.DATE),
            of("dueTime", "due_time", FieldType.TIME),
            of("reminderAt", "reminder_at", FieldType.TIMESTAMP),
            text("category", "category").maxLength(100),
            of("tags", "tags", FieldType.STRING_LIST),
            text("parentId", "parent_id").maxLength(64),
            text("projectId", "project_id").maxLength(100),
            text("recurrence", "recurrence").maxLength(200),
            of("completedAt", "completed_at", FieldType.TIMESTAMP).asReadOnly()));

    private final SettingsService settings;
    private final DomainEvents events;

    TaskRecords(RecordStore store, SettingsService settings, DomainEvents events) {
        super(store, SCHEMA);
        this.settings = settings;
        this.events = events;
    }

    @Override
    void created(Actor actor, Map<String, Object> task) {
        events.publish(new TaskCreated(actor, (String) task.get("id"), (String) task.get("title"),
                (String) task.get("status"), (String) task.get("priority"), asText(task.get("dueDate")), Instant.now()));
    }

    @Override
    void updated(Actor actor, Map<String, Object> before, Map<String, Object> after) {
        if ("completed".equals(after.get("status")) && !"completed".equals(before.get("status"))) {
            events.publish(new TaskCompleted(actor, (String) after.get("id"), (String) after.get("title"),
                    (String) after.get("priority"), Instant.now()));
        }
    }

    private static String asText(Object value) {
        return value == null ? null : value.toString();
    }

    @Override
    String noun() {
        return "task";
    }

    @Override
    String orderBy() {
        return "CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, "
                + "due_date ASC NULLS LAST, due_time ASC NULLS LAST, created_at DESC, id";
    }

    @Override
    List<FilterParam> filters() {
        return List.of(
                new FilterParam("status", "string", "Only tasks with this status", STATUSES),
                new FilterParam("priority", "string", "Only tasks with this priority", PRIORITIES),
                new FilterParam("category", "string", "Only tasks in this category"),
                new FilterParam("projectId", "string", "Only tasks of this project"),
                new FilterParam("search", "string", "Words to find in title or description"));
    }

    @Override
    SqlFilter filter(String userId, QueryParams params) {
        return new SqlFilter()
                .in("status", params.anyOf("status", STATUSES))
                .equal("priority", params.oneOf("priority", PRIORITIES))
                .equal("category", params.text("category"))
                .equal("project_id", params.text("projectId"))
                .search(params.text("search"), List.of("title", "description"));
    }

    @Override
    void checkConsistency(String userId, Map<String, Object> existing, Map<String, Object> values) {
        Object parent = values.get("parent_id");
        if (parent == null) {
            return;
        }
        if (existing != null && parent.equals(existing.get("id"))) {
            throw ApiException.validation("parentId", "must not be the task itself");
        }
        if (store.find(SCHEMA, userId, parent.toString()).isEmpty()) {
            throw ApiException.validation("parentId", "must be the id of one of your tasks");
        }
    }

    /** Completing stamps {@code completedAt} once; any other status clears it. */
    @Override
    List<String> derivedAssignments(Map<String, Object> values) {
        return values.containsKey("status")
                ? List.of("completed_at = CASE WHEN CAST(:status AS text) = 'completed' "
                        + "THEN COALESCE(completed_at, now()) ELSE NULL END")
                : List.of();
    }

    List<Map<String, Object>> dueToday(String userId, QueryParams params) {
        return list(userId, openDue(userId, "due_date = :today", 0), params);
    }

    List<Map<String, Object>> overdue(String userId, QueryParams params) {
        return list(userId, openDue(userId, "due_date < :today", 0), params);
    }

    List<Map<String, Object>> upcoming(String userId, QueryParams params) {
        int days = params.integer("days", 7, 1, 365);
        return list(userId, openDue(userId, "due_date > :today AND due_date <= :until", days), params);
    }

    private SqlFilter openDue(String userId, String condition, int days) {
        LocalDate today = LocalDate.now(settings.timeZone(userId));
        return new SqlFilter().where(OPEN).where(condition, Map.of("today", today, "until", today.plusDays(days)));
    }
}
