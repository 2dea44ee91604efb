package ownpilot.gateway.agents;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.ApiException.FieldProblem;
import tools.jackson.databind.JsonNode;

/**
 * Reads an agent from a create body (over defaults) or a patch (over the stored agent), checking
 * every field: lengths, ranges, provider ids, and that named tools and tool groups exist.
 */
final class AgentInput {

    private static final Set<String> FIELDS = Set.of("name", "systemPrompt", "provider", "model", "tools",
            "toolGroups", "maxTokens", "temperature", "maxTurns", "maxToolCalls");
    private static final Pattern PROVIDER = Pattern.compile("^(default|[a-z0-9][a-z0-9._-]{0,63})$");

    private final JsonNode body;
    private final List<FieldProblem> problems = new ArrayList<>();

    private AgentInput(JsonNode body) {
        this.body = body;
    }

    /** {@code base} is the stored agent for a patch, or a template of defaults for a create. */
    static Agent read(JsonNode body, Agent base, boolean creating, Set<String> knownTools, Set<String> knownGroups) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object");
        }
        if (!creating && body.isEmpty()) {
            throw ApiException.badRequest("The body names no field to update");
        }
        AgentInput in = new AgentInput(body);
        body.propertyNames().stream().filter(f -> !FIELDS.contains(f)).sorted()
                .forEach(f -> in.problems.add(new FieldProblem(f, "is not a known field")));
        String name = in.text("name", base.name(), 100, creating);
        String prompt = in.text("systemPrompt", base.systemPrompt(), 20_000, creating);
        String provider = in.text("provider", base.provider(), 64, false);
        if (provider != null && !PROVIDER.matcher(provider).matches()) {
            in.problems.add(new FieldProblem("provider", "must be \"default\" or a provider id such as openai"));
        }
        String model = in.text("model", base.model(), 200, false);
        AgentConfig c = base.config();
        AgentConfig config = new AgentConfig(
                (int) in.number("maxTokens", c.maxTokens(), 1, 200_000, true),
                in.number("temperature", c.temperature(), 0, 2, false),
                (int) in.number("maxTurns", c.maxTurns(), 1, 100, true),
                (int) in.number("maxToolCalls", c.maxToolCalls(), 1, 1000, true),
                in.names("tools", c.tools(), knownTools, "tool"),
                in.names("toolGroups", c.toolGroups(), knownGroups, "tool group"));
        if (!in.problems.isEmpty()) {
            throw ApiException.validation(in.problems);
        }
        return new Agent(base.id(), name, provider, model, prompt, config, base.templateId(), base.conversationId(),
                base.createdAt(), base.updatedAt());
    }

    private String text(String field, String fallback, int max, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required && (fallback == null || v != null)) {
                problems.add(new FieldProblem(field, "is required"));
            }
            return fallback;
        }
        if (!v.isString() || v.stringValue().isBlank() || v.stringValue().length() > max) {
            problems.add(new FieldProblem(field, "must be a non-empty string of at most " + max + " characters"));
            return fallback;
        }
        return v.stringValue().trim();
    }

    private double number(String field, double fallback, double min, double max, boolean whole) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        boolean ok = v.isNumber() && (!whole || v.isIntegralNumber()) && v.doubleValue() >= min
                && v.doubleValue() <= max;
        if (!ok) {
            problems.add(new FieldProblem(field, "must be " + (whole ? "a whole number" : "a number") + " from "
                    + (whole ? (long) min : min) + " to " + (whole ? (long) max : max)));
            return fallback;
        }
        return v.doubleValue();
    }

    private List<String> names(String field, List<String> fallback, Set<String> known, String what) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isArray() || v.size() > 500) {
            problems.add(new FieldProblem(field, "must be an array of at most 500 names"));
            return fallback;
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (JsonNode item : v) {
            if (!item.isString() || !known.contains(item.stringValue())) {
                problems.add(new FieldProblem(field, "unknown " + what + ": " + item));
                return fallback;
            }
            out.add(item.stringValue());
        }
        return List.copyOf(out);
    }
}
