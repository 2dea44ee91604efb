package ownpilot.gateway.autonomy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.AuditedEvent;

/**
 * Published when a parked call was approved or rejected by the user, or expired unanswered (then the
 * actor is the gateway's autonomy component, under the correlation id of the call that was parked).
 */
public record ApprovalDecided(Actor actor, String approvalId, String tool, Decision decision, String reason, Instant occurredAt)
        implements AuditedEvent.OnTool {

    public ApprovalDecided(Actor actor, String approvalId, String tool, Decision decision, String reason) {
        this(actor, approvalId, tool, decision, reason, Instant.now());
    }

    public enum Decision { approved, rejected, expired }

    @Override
    public String auditType() {
        return "approval." + decision.name();
    }

    @Override
    public boolean succeeded() {
        return decision != Decision.expired;
    }

    @Override
    public Map<String, Object> auditDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("approvalId", approvalId);
        if (reason != null) {
            details.put("reason", reason);
        }
        return details;
    }
}
