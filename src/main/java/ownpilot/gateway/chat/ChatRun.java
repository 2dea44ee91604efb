package ownpilot.gateway.chat;

import java.util.List;
import ownpilot.gateway.llm.Cancellation;
import ownpilot.gateway.llm.ModelMessage;
import ownpilot.gateway.llm.ModelTool;
import ownpilot.gateway.models.ModelEndpoint;

/**
 * Everything one chat run needs, fixed before it starts: who asks, which conversation and model,
 * the context sent to the model, the tools it sees and the loop's bounds.
 */
record ChatRun(String userId, String requestId, String conversationId, String messageId, String actorId,
        String provider, ModelEndpoint endpoint, String model, List<ModelMessage> context, List<ModelTool> tools, List<String> directTools,
        int maxTurns, int maxToolCalls, Integer maxTokens, Double temperature, boolean streamed, Client client,
        ChatSink sink, ChatTrace trace, Cancellation cancellation, TurnWriter.Opening opened) {

    /** Waits until the start of the turn is stored; every later write of the run comes after it. */
    void awaitOpened() {
        opened.await();
    }

    /** Where the request came from, for the request log. */
    record Client(String ipAddress, String userAgent) {}
}
