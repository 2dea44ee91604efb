package ownpilot.gateway.triggers;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.JsonFields;
import ownpilot.gateway.shared.SafeExpressions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a trigger from a request body: the spec's and the web UI's shapes, with every field checked.
 * An action is stored as {@code {type, payload}}; the spec's {@code {type: "chat", message}} is read as
 * {@code {type: "chat", payload: {message}}}.
 */
final class TriggerInput {

    static final List<String> TYPES = List.of("schedule", "event", "condition", "webhook");
    static final List<String> ACTIONS = List.of("chat", "tool", "plan", "notification", "goal_check", "memory_summary");
    static final List<String> EVENTS = List.of("task_created", "task_completed", "goal_completed", "memory_added",
            "chat_completed", "channel_message");
    static final List<String> CONDITIONS = List.of("stale_goals", "upcoming_deadline", "memory_threshold",
            "low_progress", "no_activity", "expression");
    private static final Map<String, String> EVENT_ALIASES = Map.of("task.created", "task_created",
            "task.completed", "task_completed", "goal.completed", "goal_completed", "memory.added", "memory_added",
            "memory_created", "memory_added", "chat.completed", "chat_completed");
    private static final Set<String> FIELDS = Set.of("name", "description", "type", "config", "action", "enabled",
            "priority", "id", "userId", "createdAt", "updatedAt", "lastFired", "nextFire", "fireCount", "nextFireTimes");

    /** What is stored; {@code secret} is a webhook's new secret in clear text (null: keep or none). */
    record Values(String name, String description, String type, ObjectNode config, ObjectNode action, boolean enabled,
            int priority, String secret) {}

    private TriggerInput() {}

    static Values read(JsonNode body, Trigger current, SafeExpressions expressions, int minIntervalSeconds) {
        JsonFields f = JsonFields.of(body).allow(FIELDS);
        String name = f.text("name", current == null ? null : current.name(), 200, true);
        String description = f.nullableText("description", current == null ? null : current.description(), 2000);
        String type = current == null ? f.text("type", null, 20, true) : current.type();
        if (current != null && body.has("type") && !current.type().equals(body.get("type").asString())) {
            f.problem("type", "cannot be changed; create a new trigger instead");
        }
        if (current == null && type != null && !TYPES.contains(type)) {
            f.problem("type", "must be one of " + TYPES);
        }
        boolean enabled = f.bool("enabled", current == null || current.enabled());
        int priority = (int) f.number("priority", current == null ? 5 : current.priority(), 1, 10, true);
        JsonNode config = body.has("config") ? body.get("config") : current == null ? null : current.config();
        JsonNode action = body.has("action") ? body.get("action") : current == null ? null : current.action();
        if (config == null || !config.isObject()) {
            f.problem("config", "must be an object");
        }
        if (action == null || !action.isObject()) {
            f.problem("action", "must be an object with a type");
        }
        f.check();
        ObjectNode readConfig = ((ObjectNode) config).deepCopy();
        String secret = config(type, readConfig, expressions, minIntervalSeconds);
        return new Values(name, description, type, readConfig, action((ObjectNode) action), enabled, priority, secret);
    }

    private static String config(String type, ObjectNode config, SafeExpressions expressions, int minSeconds) {
        JsonFields f = JsonFields.of(config);
        switch (type) {
            case "schedule" -> {
                String zone = f.text("timezone", null, 60, false);
                f.text("cron", null, 120, true);
                f.check();
                if (zone != null) {
                    try {
                        ZoneId.of(zone);
                    } catch (DateTimeException e) {
                        throw ApiException.validation("config.timezone", "must be an IANA time zone such as Europe/Berlin");
                    }
                }
                CronSchedule.parse(config.get("cron").asString(), zone == null ? ZoneId.of("UTC") : ZoneId.of(zone));
            }
            case "event" -> {
                String event = f.text("eventType", null, 60, true);
                f.check();
                String canonical = EVENT_ALIASES.getOrDefault(event, event);
                if (!EVENTS.contains(canonical)) {
                    throw ApiException.validation("config.eventType", "must be one of " + EVENTS);
                }
                config.put("eventType", canonical);
                JsonNode filters = config.get("filters");
                if (filters != null && !filters.isNull() && (!filters.isObject() || filters.size() > 20
                        || filters.properties().stream().anyMatch(e -> !e.getValue().isValueNode()))) {
                    throw ApiException.validation("config.filters", "must be an object of up to 20 plain values");
                }
            }
            case "condition" -> {
                String condition = f.text("condition", null, 40, true);
                f.number("threshold", 0, 0, 1_000_000, false);
                f.number("checkInterval", 60, 1, 10_080, true);
                f.number("checkIntervalSeconds", minSeconds, minSeconds, 604_800, true);
                f.number("minIntervalMinutes", 0, 0, 43_200, true);
                f.check();
                if (!CONDITIONS.contains(condition)) {
                    throw ApiException.validation("config.condition", "must be one of " + CONDITIONS);
                }
                if (condition.equals("expression")) {
                    expressions.check("config.expression", config.path("expression").asString(null));
                }
            }
            case "webhook" -> {
                if (TriggerService.MASK.equals(config.path("secret").asString(null))) {
                    config.remove("secret"); // the masked value shown by GET, sent back unchanged: keep the secret
                }
                String secret = f.text("secret", null, 200, false);
                f.check();
                if (secret != null && secret.length() < 16) {
                    throw ApiException.validation("config.secret", "must be at least 16 characters");
                }
                config.remove("secret");
                config.remove("webhookPath");
                return secret;
            }
            default -> throw new IllegalStateException(type);
        }
        return null;
    }

    static ObjectNode action(ObjectNode body) {
        String type = body.path("type").asString("");
        if (!ACTIONS.contains(type)) {
            throw ApiException.validation("action.type", "must be one of " + ACTIONS);
        }
        ObjectNode payload;
        if (body.has("payload")) {
            if (!body.get("payload").isObject()) {
                throw ApiException.validation("action.payload", "must be an object");
            }
            payload = ((ObjectNode) body.get("payload")).deepCopy();
        } else {
            payload = body.deepCopy();
            payload.remove("type");
        }
        JsonFields p = JsonFields.of(payload);
        switch (type) {
            case "chat" -> {
                if (!payload.has("message") && !payload.has("prompt")) {
                    p.problem("action.payload.message", "is required: what the trigger says to the assistant");
                }
                p.text(payload.has("message") ? "message" : "prompt", null, 10_000, false);
                p.text("agentId", null, 100, false);
                p.text("provider", null, 100, false);
                p.text("model", null, 200, false);
            }
            case "tool" -> {
                if (!payload.has("tool") && !payload.has("toolName")) {
                    p.problem("action.payload.tool", "is required: the name of the tool to run");
                }
                p.text(payload.has("tool") ? "tool" : "toolName", null, 200, false);
            }
            case "plan" -> p.text("planId", null, 100, true);
            case "notification" -> {
                p.text("message", "", 5000, false);
                p.text("title", null, 200, false);
            }
            case "goal_check" -> p.number("staleDays", 3, 1, 365, true);
            default -> { }
        }
        p.check();
        ObjectNode action = JsonNodeFactory.instance.objectNode().put("type", type);
        action.set("payload", payload);
        return action;
    }
}
