package ownpilot.gateway.autonomy;

import java.time.Instant;
import java.util.Map;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.AuditedEvent;

/** Published when a tool call is parked for the user's approval; the actor is who wanted to run it. */
public record ApprovalRequested(Actor actor, String approvalId, String tool, String risk, int score, String reason, Instant occurredAt)
        implements AuditedEvent.OnTool {

    public ApprovalRequested(Actor actor, String approvalId, String tool, String risk, int score, String reason) {
        this(actor, approvalId, tool, risk, score, reason, Instant.now());
    }

    public String userId() {
        return actor.userId();
    }

    @Override
    public String auditType() {
        return "approval.requested";
    }

    @Override
    public Map<String, Object> auditDetails() {
        return Map.of("approvalId", approvalId, "risk", risk, "score", score);
    }
}
