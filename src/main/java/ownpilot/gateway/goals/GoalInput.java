package ownpilot.gateway.goals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import ownpilot.gateway.shared.JsonFields;
import tools.jackson.databind.JsonNode;

/** Reads goal and step bodies: every field checked, a precise 400 for each bad one. */
final class GoalInput {

    static final int MAX_STEPS_AT_ONCE = 50;
    static final int MAX_DEPENDENCIES = 50;
    private static final Set<String> GOAL_FIELDS = Set.of("title", "description", "status", "priority", "parentId",
            "dueDate", "progress", "metadata");
    private static final Set<String> STEP_FIELDS = Set.of("title", "description", "status", "orderNum",
            "dependencies", "result");

    private GoalInput() {}

    /** {@code current} null for a new goal; the fields not in {@code body} keep their current values. */
    static GoalRepository.GoalValues goal(JsonNode body, Goal current) {
        JsonFields in = JsonFields.of(body).allow(GOAL_FIELDS);
        requireSome(in, body, current != null, List.of("title", "status", "priority", "progress"));
        String title = in.text("title", current == null ? null : current.title(), 500, true);
        String description = in.nullableText("description", current == null ? null : current.description(), 10_000);
        String status = in.text("status", current == null ? "active" : current.status(), 20, false);
        if (!Goal.STATUSES.contains(status)) {
            in.problem("status", "must be one of " + String.join(", ", Goal.STATUSES));
        }
        int priority = (int) in.number("priority", current == null ? 5 : current.priority(), 1, 10, true);
        String parentId = in.nullableText("parentId", current == null ? null : current.parentId(), 64);
        LocalDate due = date(in, "dueDate", current == null || current.dueDate() == null ? null
                : LocalDate.parse(current.dueDate()));
        int progress = (int) in.number("progress", current == null ? 0 : current.progress(), 0, 100, true);
        String metadata = current == null ? "{}" : current.metadata().json();
        JsonNode m = in.node("metadata");
        if (m != null && !m.isNull()) {
            if (!m.isObject() || m.toString().length() > 8000) {
                in.problem("metadata", "must be a JSON object of at most 8000 characters");
            } else {
                metadata = m.toString();
            }
        }
        in.check();
        return new GoalRepository.GoalValues(title, description, status, priority, parentId, due, progress, metadata);
    }

    static GoalRepository.StepValues step(JsonNode body, GoalStep current, int nextOrder) {
        JsonFields in = JsonFields.of(body).allow(STEP_FIELDS);
        requireSome(in, body, current != null, List.of("title", "status", "orderNum"));
        String title = in.text("title", current == null ? null : current.title(), 500, true);
        String description = in.nullableText("description", current == null ? null : current.description(), 10_000);
        String status = in.text("status", current == null ? "pending" : current.status(), 20, false);
        if (!GoalStep.STATUSES.contains(status)) {
            in.problem("status", "must be one of " + String.join(", ", GoalStep.STATUSES));
        }
        int order = (int) in.number("orderNum", current == null ? nextOrder : current.orderNum(), 0, 100_000, true);
        List<String> deps = current == null ? List.of() : current.dependencies();
        JsonNode d = in.node("dependencies");
        if (d != null && !d.isNull()) {
            if (!d.isArray() || d.size() > MAX_DEPENDENCIES || d.valueStream().anyMatch(v -> !v.isString())) {
                in.problem("dependencies", "must be an array of at most " + MAX_DEPENDENCIES + " step ids");
            } else {
                deps = new ArrayList<>(d.valueStream().map(JsonNode::asString).distinct().toList());
            }
        }
        String result = in.nullableText("result", current == null ? null : current.result(), 10_000);
        in.check();
        return new GoalRepository.StepValues(title, description, status, order, deps, result);
    }

    /** A patch must name a field, and fields that always have a value cannot be set to null. */
    private static void requireSome(JsonFields in, JsonNode body, boolean patching, List<String> notNull) {
        if (patching && body.isEmpty()) {
            throw ownpilot.gateway.shared.ApiException.badRequest("The body names no field to update");
        }
        notNull.forEach(f -> {
            if (in.has(f) && in.node(f).isNull()) {
                in.problem(f, "cannot be null");
            }
        });
    }

    /** {@code YYYY-MM-DD}, or an ISO date-time (its date is taken); {@code null} clears. */
    private static LocalDate date(JsonFields in, String field, LocalDate fallback) {
        JsonNode v = in.node(field);
        if (v == null) {
            return fallback;
        }
        if (v.isNull()) {
            return null;
        }
        String text = v.isString() ? v.asString().trim() : "";
        try {
            return text.length() == 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            in.problem(field, "must be a date such as 2027-03-31 (or an ISO date-time)");
            return fallback;
        }
    }
}
