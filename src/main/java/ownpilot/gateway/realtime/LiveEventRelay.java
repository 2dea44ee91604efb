package ownpilot.gateway.realtime;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import ownpilot.gateway.shared.AfterCommit;
import org.springframework.stereotype.Component;
import ownpilot.gateway.autonomy.ApprovalRequested;
import ownpilot.gateway.chat.ChatCompleted;
import ownpilot.gateway.costs.BudgetAlerted;
import ownpilot.gateway.tools.ToolExecuted;

/**
 * Turns the gateway's events into live-event frames: chat completed, tool executed, approval requested,
 * budget alert. Frames are notifications for whoever is connected now, so this is an in-process
 * observer rather than a durable listener (replaying a frame after a restart would reach nobody); a
 * frame goes out after the transaction that published the event committed, never for one rolled back.
 */
@Component
class LiveEventRelay {

    private final LiveEvents live;

    LiveEventRelay(LiveEvents live) {
        this.live = live;
    }

    @EventListener
    void on(ChatCompleted e) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("conversationId", e.conversationId());
        p.put("messageId", e.messageId());
        p.put("provider", e.provider());
        p.put("model", e.model());
        p.put("finishReason", e.finishReason());
        p.put("inputTokens", e.inputTokens());
        p.put("outputTokens", e.outputTokens());
        p.put("toolCalls", e.toolCalls());
        p.put("durationMs", e.durationMs());
        p.put("streamed", e.streamed());
        p.put("error", e.error());
        broadcast(e.userId(), "chat:completed", p);
    }

    @EventListener
    void on(ToolExecuted e) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("tool", e.tool());
        p.put("category", e.category());
        p.put("source", e.source());
        p.put("actorType", e.actor().typeName());
        p.put("actorId", e.actor().id());
        p.put("isError", e.isError());
        p.put("durationMs", e.durationMs());
        p.put("error", e.error());
        p.put("correlationId", e.actor().correlationId());
        broadcast(e.actor().userId(), "tool:executed", p);
    }

    @EventListener
    void on(ApprovalRequested e) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("approvalId", e.approvalId());
        p.put("tool", e.tool());
        p.put("risk", e.risk());
        p.put("reason", e.reason());
        p.put("correlationId", e.actor().correlationId());
        broadcast(e.userId(), "approval:requested", p);
    }

    @EventListener
    void on(BudgetAlerted e) {
        broadcast(e.userId(), "budget:alert", Map.of("window", e.window(), "threshold", e.threshold(), "used", e.used(),
                "limit", e.limit()));
    }

    private void broadcast(String userId, String type, Object payload) {
        AfterCommit.run(() -> live.broadcast(userId, type, payload));
    }
}
