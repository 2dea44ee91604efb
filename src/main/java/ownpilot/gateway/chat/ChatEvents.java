package ownpilot.gateway.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The frames of a streamed chat (and what a {@link ChatSink} hears): progress while it runs, the
 * autonomy verdict on a parked or blocked call, then one {@link Done} or {@link Failure}. The web UI
 * dispatches on {@code type}, {@code delta} and {@code done} in the data, never on the event name.
 */
public final class ChatEvents {

    private ChatEvents() {}

    /** A progress frame: {@link Status}, {@link ToolStarted} or {@link ToolEnded}. */
    public sealed interface Progress permits Status, ToolStarted, ToolEnded {}

    /** What a status line is about: the model called, the tools about to run, or a retry. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusDetail(String model, Integer turn, Integer messageCount, List<String> tools, Integer attempt,
            Long delayMs) {

        static StatusDetail calling(String model, int turn, int messageCount) {
            return new StatusDetail(model, turn, messageCount, null, null, null);
        }

        static StatusDetail executing(List<String> tools) {
            return new StatusDetail(null, null, null, tools, null, null);
        }

        static StatusDetail retrying(int attempt, long delayMs) {
            return new StatusDetail(null, null, null, null, attempt, delayMs);
        }
    }

    public record Status(String type, String message, StatusDetail data, String timestamp) implements Progress {
        static Status of(String message, StatusDetail data) {
            return new Status("status", message, data, Instant.now().toString());
        }
    }

    /** The tool as the user knows it: for a {@code use_tool} call, the inner tool and its arguments. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ToolRef(String id, String name, Object arguments) {}

    public record ToolStarted(String type, ToolRef tool, String timestamp) implements Progress {
        static ToolStarted of(ToolRef tool) {
            return new ToolStarted("tool_start", tool, Instant.now().toString());
        }
    }

    public record ToolOutcome(boolean success, String preview, long durationMs) {}

    public record ToolEnded(String type, ToolRef tool, ToolOutcome result, String timestamp) implements Progress {
        static ToolEnded of(ToolRef tool, ToolOutcome result) {
            return new ToolEnded("tool_end", tool, result, Instant.now().toString());
        }
    }

    /** A call the gate did not let run: {@code tool_blocked}, or {@code approval_required} with its approval. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Autonomy(String type, ToolRef toolCall, String reason, String approvalId, String timestamp) {}

    /**
     * The terminal frame of a finished turn. {@code delta} is empty: the text went out in the chunks,
     * and the UI appends a non-empty delta here, so it must not repeat the answer.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Done(String id, String conversationId, String delta, boolean done, String message, String provider,
            String model, List<ChatReply.ExecutedCall> toolCalls, String finishReason, ChatReply.TokenUsage usage,
            Boolean demoMode, ChatTrace.Trace trace) {}

    /** The terminal frame of a failed turn. */
    public record Failure(String error, String code, int status, String conversationId) {}
}
