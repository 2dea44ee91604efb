package ownpilot.gateway.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import ownpilot.gateway.llm.ModelRequest;
import ownpilot.gateway.llm.ModelResponse;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.Ids;
import tools.jackson.databind.json.JsonMapper;

/** Builds the request log row of each model call a chat run makes; the turn writes them with its answer. */
@Component
class RequestLogWriter {

    private final JsonMapper json;

    RequestLogWriter(JsonMapper json) {
        this.json = json;
    }

    void answered(ChatRun run, ModelRequest request, ModelResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contentLength", response.text().length());
        body.put("toolCalls", response.toolCalls().size());
        body.put("finishReason", response.finishReason());
        body.put("attempts", response.attempts());
        write(run, request, body, 200, response.inputTokens(), response.outputTokens(), response.durationMs(), null);
    }

    void failed(ChatRun run, ModelRequest request, ApiException error, long durationMs) {
        write(run, request, Map.of("code", error.code()), error.status().value(), 0, 0, durationMs,
                error.code() + ": " + error.getMessage());
    }

    private void write(ChatRun run, ModelRequest request, Map<String, Object> response, int status, int in, int out,
            long durationMs, String error) {
        Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("messages", request.messages().size());
        asked.put("tools", request.tools().size());
        asked.put("streaming", run.streamed());
        asked.put("estimatedInputTokens", request.estimatedInputTokens());
        run.opened().logLater(new RequestLogRepository.Entry(Ids.prefixed("log"), run.userId(),
                run.conversationId(), "chat", request.provider(), request.model(), "chat/completions",
                json.writeValueAsString(asked), json.writeValueAsString(response), status, in, out, durationMs, error,
                run.client().ipAddress(), run.client().userAgent()));
        run.trace().wrote();
    }
}
