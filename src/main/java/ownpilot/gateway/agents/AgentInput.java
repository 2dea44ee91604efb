package ownpilot.gateway.agents;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import ownpilot.gateway.settings.ProviderIds;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.JsonFields;
import tools.jackson.databind.JsonNode;

/**
 * Reads an agent from a create body (over defaults) or a patch (over the stored agent), checking
 * every field: lengths, ranges, provider ids, and that named tools and tool groups exist.
 */
final class AgentInput {

    private static final Set<String> FIELDS = Set.of("name", "systemPrompt", "provider", "model", "tools",
            "toolGroups", "maxTokens", "temperature", "maxTurns", "maxToolCalls");

    private AgentInput() {}

    /** {@code base} is the stored agent for a patch, or a template of defaults for a create. */
    static Agent read(JsonNode body, Agent base, boolean creating, Set<String> knownTools, Set<String> knownGroups) {
        JsonFields in = JsonFields.of(body).allow(FIELDS);
        if (!creating && body.isEmpty()) {
            throw ApiException.badRequest("The body names no field to update");
        }
        String name = in.text("name", base.name(), 100, creating);
        String prompt = in.text("systemPrompt", base.systemPrompt(), 20_000, creating);
        String provider = in.text("provider", base.provider(), 64, false);
        if (provider != null && !provider.equals("default") && !ProviderIds.isValid(provider)) {
            in.problem("provider", "must be \"default\" or a provider id such as openai");
        }
        String model = in.text("model", base.model(), 200, false);
        AgentConfig c = base.config();
        AgentConfig config = new AgentConfig(
                (int) in.number("maxTokens", c.maxTokens(), 1, 200_000, true),
                in.number("temperature", c.temperature(), 0, 2, false),
                (int) in.number("maxTurns", c.maxTurns(), 1, 100, true),
                (int) in.number("maxToolCalls", c.maxToolCalls(), 1, 1000, true),
                names(in, "tools", c.tools(), knownTools, "tool"),
                names(in, "toolGroups", c.toolGroups(), knownGroups, "tool group"));
        in.check();
        return new Agent(base.id(), name, provider, model, prompt, config, base.templateId(), base.conversationId(),
                base.createdAt(), base.updatedAt());
    }

    private static List<String> names(JsonFields in, String field, List<String> fallback, Set<String> known,
            String what) {
        JsonNode v = in.node(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isArray() || v.size() > 500) {
            in.problem(field, "must be an array of at most 500 names");
            return fallback;
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (JsonNode item : v) {
            if (!item.isString() || !known.contains(item.stringValue())) {
                in.problem(field, "unknown " + what + ": " + item);
                return fallback;
            }
            out.add(item.stringValue());
        }
        return List.copyOf(out);
    }
}
