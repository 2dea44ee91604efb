package ownpilot.gateway.chat;

import java.util.List;
import ownpilot.gateway.llm.Cancellation;
import ownpilot.gateway.llm.ModelMessage;
import ownpilot.gateway.llm.ModelTool;
import ownpilot.gateway.models.ModelEndpoint;
import ownpilot.gateway.shared.Actor;

/**
 * Everything one chat run needs, fixed before it starts: who asks, which conversation and model,
 * the context sent to the model, the tools it sees and the loop's bounds. The actor is who started the
 * turn (the user through the API, a trigger, a channel...). In a user's chat, tools are called by the
 * agent that answers, {@code agentId} ({@code chat} without one); in a background turn by the
 * background actor itself, so that its approvals and audit records name the trigger or plan that
 * caused them. Either way under the turn's correlation id.
 */
record ChatRun(Actor actor, String conversationId, String messageId, String agentId,
        String provider, ModelEndpoint endpoint, String model, List<ModelMessage> context, List<ModelTool> tools, List<String> directTools,
        int maxTurns, int maxToolCalls, Integer maxTokens, Double temperature, boolean streamed, Client client,
        ChatSink sink, ChatTrace trace, Cancellation cancellation, TurnWriter.Opening opened) {

    String userId() {
        return actor.userId();
    }

    Actor toolCaller() {
        return (actor.type() == Actor.Type.user ? actor.as(Actor.Type.agent, agentId) : actor)
                .inConversation(conversationId);
    }

    /** Waits until the start of the turn is stored; every later write of the run comes after it. */
    void awaitOpened() {
        opened.await();
    }

    /** Where the request came from, for the request log. */
    record Client(String ipAddress, String userAgent) {}
}
