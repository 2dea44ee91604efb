package ownpilot.gateway.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer of one chat turn: the {@code POST /chat} response body, and what a background caller of
 * {@link ChatTurns} gets back. {@code message} and {@code response} are the same text (the spec's and
 * the web UI's names).
 */
public record ChatReply(String id, String conversationId, String message, String response, String provider,
        String model, List<ExecutedCall> toolCalls, TokenUsage usage, String finishReason,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean demoMode, ChatTrace.Trace trace) {

    /** A tool call the model made in this turn; {@code arguments} as parsed JSON, or the raw text if it was not JSON. */
    public record ExecutedCall(String id, String name, Object arguments) {}

    public record TokenUsage(int promptTokens, int completionTokens, int totalTokens) {

        static TokenUsage of(int in, int out) {
            return new TokenUsage(in, out, in + out);
        }
    }
}
