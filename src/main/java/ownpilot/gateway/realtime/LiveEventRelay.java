package ownpilot.gateway.realtime;

import org.springframework.context.event.EventListener;
import ownpilot.gateway.shared.AfterCommit;
import org.springframework.stereotype.Component;
import ownpilot.gateway.autonomy.ApprovalRequested;
import ownpilot.gateway.chat.ChatCompleted;
import ownpilot.gateway.triggers.NotificationRaised;
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

    record ChatDone(String conversationId, String messageId, String provider, String model, String finishReason,
            int inputTokens, int outputTokens, int toolCalls, long durationMs, boolean streamed, String error) {}

    record ToolRun(String tool, String category, String source, String actorType, String actorId, boolean isError,
            long durationMs, String error, String correlationId) {}

    record ApprovalAsked(String approvalId, String tool, String risk, String reason, String correlationId) {}

    record BudgetAlert(String window, int threshold, double used, double limit) {}

    @EventListener
    void on(NotificationRaised e) {
        broadcast(e.userId(), "notification", e);
    }

    @EventListener
    void on(ChatCompleted e) {
        broadcast(e.userId(), "chat:completed", new ChatDone(e.conversationId(), e.messageId(), e.provider(),
                e.model(), e.finishReason(), e.inputTokens(), e.outputTokens(), e.toolCalls(), e.durationMs(),
                e.streamed(), e.error()));
    }

    @EventListener
    void on(ToolExecuted e) {
        broadcast(e.actor().userId(), "tool:executed", new ToolRun(e.tool(), e.category(), e.source(),
                e.actor().typeName(), e.actor().id(), e.isError(), e.durationMs(), e.error(),
                e.actor().correlationId()));
    }

    @EventListener
    void on(ApprovalRequested e) {
        broadcast(e.userId(), "approval:requested", new ApprovalAsked(e.approvalId(), e.tool(), e.risk(), e.reason(),
                e.actor().correlationId()));
    }

    @EventListener
    void on(BudgetAlerted e) {
        broadcast(e.userId(), "budget:alert", new BudgetAlert(e.window(), e.threshold(), e.used(), e.limit()));
    }

    private void broadcast(String userId, String type, Object payload) {
        AfterCommit.run(() -> live.broadcast(userId, type, payload));
    }
}
