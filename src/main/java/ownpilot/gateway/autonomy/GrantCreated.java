package ownpilot.gateway.autonomy;

import java.time.Instant;
import java.util.Map;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.AuditedEvent;

/** Published when an approval came with a grant: similar calls run without asking for a while. */
public record GrantCreated(Actor actor, String approvalId, String tool, int minutes, String scope, Instant occurredAt)
        implements AuditedEvent.OnTool {

    public GrantCreated(Actor actor, String approvalId, String tool, int minutes, String scope) {
        this(actor, approvalId, tool, minutes, scope, Instant.now());
    }

    @Override
    public String auditType() {
        return "autonomy.grant_created";
    }

    @Override
    public Map<String, Object> auditDetails() {
        return Map.of("approvalId", approvalId, "minutes", minutes, "scope", scope);
    }
}
