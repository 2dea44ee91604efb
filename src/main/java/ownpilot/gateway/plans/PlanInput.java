package ownpilot.gateway.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import ownpilot.gateway.shared.JsonFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reads plans and steps from request bodies, every field checked; a step's config is checked by its type. */
final class PlanInput {

    record PlanValues(String name, String description, String goal, int priority, String source, String sourceId,
            String triggerId, String goalId, int autonomyLevel, int maxRetries, Integer timeoutMs, String metadataJson) {}

    record StepValues(int orderNum, String type, String name, String description, JsonNode config,
            List<String> dependencies, int maxRetries, Integer timeoutMs, boolean retrySafe, String onSuccess,
            String onFailure, String metadataJson) {}

    static final int MAX_STEPS = 200;
    static final int MAX_TIMEOUT_MS = 3_600_000;
    private static final Set<String> PLAN_FIELDS = Set.of("name", "description", "goal", "priority", "source", "sourceId",
            "triggerId", "goalId", "autonomyLevel", "maxRetries", "timeoutMs", "metadata", "id", "status", "progress",
            "currentStep", "totalSteps", "createdAt", "updatedAt", "startedAt", "completedAt", "steps", "checkpoint",
            "error", "retryCount", "lifecycle", "waitingFor");
    private static final Set<String> STEP_FIELDS = Set.of("orderNum", "type", "name", "description", "config",
            "dependencies", "maxRetries", "timeoutMs", "retrySafe", "onSuccess", "onFailure", "metadata", "id", "planId",
            "status", "result", "error", "retryCount", "startedAt", "completedAt", "durationMs", "notBefore",
            "approvalId");

    private PlanInput() {}

    static PlanValues plan(JsonNode body, Plan current, JsonMapper json) {
        JsonFields f = JsonFields.of(body).allow(PLAN_FIELDS);
        if (body.has("status") && (current == null || !body.get("status").asString().equals(current.status()))) {
            f.problem("status", "changes through execute, pause, resume, abort and rollback");
        }
        PlanValues v = new PlanValues(
                f.text("name", current == null ? null : current.name(), 200, true),
                f.nullableText("description", current == null ? null : current.description(), 5000),
                f.text("goal", current == null ? null : current.goal(), 5000, true),
                (int) f.number("priority", current == null ? 5 : current.priority(), 1, 10, true),
                f.nullableText("source", current == null ? null : current.source(), 100),
                f.nullableText("sourceId", current == null ? null : current.sourceId(), 200),
                f.nullableText("triggerId", current == null ? null : current.triggerId(), 100),
                f.nullableText("goalId", current == null ? null : current.goalId(), 100),
                (int) f.number("autonomyLevel", current == null ? 1 : current.autonomyLevel(), 0, 4, true),
                (int) f.number("maxRetries", current == null ? 3 : current.maxRetries(), 0, 10, true),
                integer(f.nullableNumber("timeoutMs", current == null || current.timeoutMs() == null ? null
                        : current.timeoutMs().doubleValue(), 100, MAX_TIMEOUT_MS, true)),
                metadata(f, body, current == null ? "{}" : current.metadata().json(), json));
        f.check();
        return v;
    }

    static StepValues step(JsonNode body, PlanStep current, int nextOrder, JsonMapper json) {
        JsonFields f = JsonFields.of(body).allow(STEP_FIELDS);
        String type = f.text("type", current == null ? null : current.type(), 20, true);
        if (type != null && !PlanStep.TYPES.contains(type)) {
            f.problem("type", "must be one of " + PlanStep.TYPES);
        }
        int order = (int) f.number("orderNum", current == null ? nextOrder : current.orderNum(), 0, 10_000, true);
        String name = f.text("name", current == null ? null : current.name(), 200, true);
        String description = f.nullableText("description", current == null ? null : current.description(), 5000);
        int maxRetries = (int) f.number("maxRetries", current == null ? 3 : current.maxRetries(), 0, 10, true);
        Integer timeout = integer(f.nullableNumber("timeoutMs", current == null || current.timeoutMs() == null ? null
                : current.timeoutMs().doubleValue(), 100, MAX_TIMEOUT_MS, true));
        boolean retrySafe = f.bool("retrySafe", current != null && current.retrySafe());
        String onSuccess = f.nullableText("onSuccess", current == null ? null : current.onSuccess(), 100);
        String onFailure = f.nullableText("onFailure", current == null ? null : current.onFailure(), 100);
        List<String> deps = dependencies(f, body, current);
        JsonNode config = body.has("config") ? body.get("config") : current == null ? null : current.config();
        if (config == null || config.isNull()) {
            config = JsonNodeFactory.instance.objectNode();
        }
        if (!config.isObject()) {
            f.problem("config", "must be an object");
        }
        String metadata = metadata(f, body, current == null ? "{}" : json.writeValueAsString(current.metadata()), json);
        f.check();
        StepConfigs.check(type, (ObjectNode) config);
        return new StepValues(order, type, name, description, config, deps, maxRetries, timeout, retrySafe, onSuccess,
                onFailure, metadata);
    }

    private static List<String> dependencies(JsonFields f, JsonNode body, PlanStep current) {
        JsonNode deps = body.get("dependencies");
        if (deps == null || deps.isNull()) {
            return current == null ? List.of() : current.dependencies();
        }
        List<String> ids = new ArrayList<>();
        if (!deps.isArray() || deps.size() > MAX_STEPS) {
            f.problem("dependencies", "must be an array of step ids");
            return List.of();
        }
        deps.forEach(d -> {
            if (d.isString() && !d.asString().isBlank()) {
                ids.add(d.asString());
            } else {
                f.problem("dependencies", "must be an array of step ids");
            }
        });
        return ids;
    }

    private static String metadata(JsonFields f, JsonNode body, String fallback, JsonMapper json) {
        JsonNode m = body.get("metadata");
        if (m == null || m.isNull()) {
            return fallback;
        }
        if (!m.isObject() || m.toString().length() > 20_000) {
            f.problem("metadata", "must be an object of at most 20,000 characters");
            return fallback;
        }
        return json.writeValueAsString(m);
    }

    private static Integer integer(Double value) {
        return value == null ? null : value.intValue();
    }
}
