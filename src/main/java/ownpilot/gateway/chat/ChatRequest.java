package ownpilot.gateway.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import ownpilot.gateway.llm.ModelMessage;
import ownpilot.gateway.settings.ProviderIds;
import ownpilot.gateway.shared.JsonFields;
import tools.jackson.databind.JsonNode;

/**
 * A validated {@code POST /chat} body. Beyond the spec's fields: {@code newConversation} starts a new
 * conversation instead of continuing the context's current one, and {@code maxTurns}/{@code maxToolCalls}
 * lower the tool-loop bounds for this request.
 */
record ChatRequest(String message, String conversationId, String agentId, String provider, String model,
        boolean stream, boolean includeToolList, String workspaceId, List<String> directTools,
        List<ModelMessage> history, boolean newConversation, Integer maxTurns, Integer maxToolCalls) {

    static final int MAX_MESSAGE = 100_000;
    static final int MAX_HISTORY = 100;
    static final int MAX_DIRECT_TOOLS = 20;
    private static final Set<String> FIELDS = Set.of("message", "conversationId", "agentId", "provider", "model",
            "stream", "includeToolList", "workspaceId", "directTools", "history", "newConversation", "maxTurns",
            "maxToolCalls");

    static ChatRequest parse(JsonNode body) {
        JsonFields in = JsonFields.of(body).allow(FIELDS);
        String message = in.text("message", null, MAX_MESSAGE, true);
        String conversationId = in.text("conversationId", null, 200, false);
        String agentId = in.text("agentId", null, 200, false);
        String provider = in.text("provider", null, 64, false);
        if (provider != null && !ProviderIds.isValid(provider)) {
            in.problem("provider", "must be a provider id such as openai");
        }
        String model = in.text("model", null, 200, false);
        boolean stream = in.bool("stream", false);
        boolean includeToolList = in.bool("includeToolList", false);
        String workspaceId = in.text("workspaceId", null, 200, false);
        List<String> directTools = names(in, in.node("directTools"));
        List<ModelMessage> history = history(in, in.node("history"));
        boolean newConversation = in.bool("newConversation", false);
        if (newConversation && conversationId != null) {
            in.problem("newConversation", "cannot be combined with conversationId");
        }
        double maxTurns = in.number("maxTurns", 0, 1, 100, true);
        double maxToolCalls = in.number("maxToolCalls", -1, 0, 1000, true);
        in.check();
        return new ChatRequest(message, conversationId, agentId, "default".equals(provider) ? null : provider,
                "default".equals(model) ? null : model, stream, includeToolList, workspaceId, directTools, history,
                newConversation, maxTurns == 0 ? null : (int) maxTurns, maxToolCalls < 0 ? null : (int) maxToolCalls);
    }

    private static List<String> names(JsonFields in, JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_DIRECT_TOOLS
                || node.valueStream().anyMatch(n -> !n.isString() || n.asString().isBlank()
                        || n.asString().length() > 64)) {
            in.problem("directTools", "must be a list of at most " + MAX_DIRECT_TOOLS + " tool names");
            return List.of();
        }
        return node.valueStream().map(JsonNode::asString).distinct().toList();
    }

    private static List<ModelMessage> history(JsonFields in, JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<ModelMessage> out = new ArrayList<>();
        boolean ok = node.isArray() && node.size() <= MAX_HISTORY;
        if (ok) {
            for (JsonNode m : node) {
                String role = m.path("role").asString("");
                JsonNode content = m.get("content");
                if (!(role.equals("user") || role.equals("assistant")) || content == null || !content.isString()
                        || content.asString().length() > MAX_MESSAGE) {
                    ok = false;
                    break;
                }
                out.add(role.equals("user") ? ModelMessage.user(content.asString())
                        : ModelMessage.assistant(content.asString(), List.of()));
            }
        }
        if (!ok) {
            in.problem("history", "must be a list of at most " + MAX_HISTORY
                    + " {role: user|assistant, content: string} messages");
            return List.of();
        }
        return out;
    }
}
