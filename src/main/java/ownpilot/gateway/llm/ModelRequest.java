package ownpilot.gateway.llm;

import java.util.List;
import ownpilot.gateway.shared.Actor;

/**
 * One call to a model. {@code requestType} is the usage type recorded for it ({@code chat},
 * {@code completion}…); {@code conversationId} is recorded with the usage and may be null; the actor is
 * recorded with the usage too.
 */
public record ModelRequest(Actor actor, String provider, String model, List<ModelMessage> messages,
        List<ModelTool> tools, Integer maxTokens, Double temperature, String requestType, String conversationId) {

    public ModelRequest {
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
    }

    public String userId() {
        return actor.userId();
    }

    /** Characters of everything sent, the basis of the token estimate (about four characters a token). */
    public int estimatedInputTokens() {
        long chars = 0;
        for (ModelMessage m : messages) {
            chars += m.content() == null ? 0 : m.content().length();
            for (ModelToolCall c : m.toolCalls()) {
                chars += c.arguments() == null ? 0 : c.arguments().length();
            }
        }
        for (ModelTool t : tools) {
            chars += t.description().length() + t.parameters().toString().length();
        }
        return (int) Math.min(Integer.MAX_VALUE, chars / 4 + 1);
    }
}
