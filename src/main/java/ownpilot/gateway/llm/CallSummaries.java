package ownpilot.gateway.llm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ownpilot.gateway.models.ModelEndpoint;

/** Builds the {@link ModelCallFinished} event: previews of what went to the provider and came back, key removed. */
final class CallSummaries {

    private static final int MESSAGE_PREVIEW = 200;
    private static final int CONTENT_PREVIEW = 500;

    private CallSummaries() {}

    static ModelCallFinished finished(ModelRequest request, ModelEndpoint endpoint, String text,
            List<ModelToolCall> toolCalls, String finishReason, int in, int out, long durationMs,
            List<Map<String, Object>> retries, String error) {
        String key = endpoint.apiKey();
        List<Map<String, Object>> messages = request.messages().stream().map(m -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("role", m.role());
            String content = m.content() == null ? "" : m.content();
            v.put("contentPreview", preview(ProviderErrors.scrub(content, key), MESSAGE_PREVIEW));
            v.put("contentLength", content.length());
            return v;
        }).toList();
        List<Map<String, Object>> calls = toolCalls.stream().<Map<String, Object>>map(c -> Map.of("id",
                String.valueOf(c.id()), "name", c.name(), "argumentsPreview",
                preview(ProviderErrors.scrub(c.arguments(), key), MESSAGE_PREVIEW))).toList();
        String endpointName = switch (endpoint.type()) {
            case "anthropic" -> "messages";
            case "google" -> "streamGenerateContent";
            default -> "chat/completions";
        };
        return new ModelCallFinished(request.userId(), request.provider(), request.model(), endpointName, messages,
                request.tools().size(), error == null, finishReason, preview(ProviderErrors.scrub(text, key),
                        CONTENT_PREVIEW), text == null ? 0 : text.length(), calls, in, out, durationMs,
                List.copyOf(retries), error == null ? null : ProviderErrors.scrub(error, key));
    }

    static String preview(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
