package ownpilot.gateway.autonomy;

import java.time.Instant;
import java.util.Map;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.AuditedEvent;

/** Published when the autonomy settings refused a tool call outright. */
public record ToolBlocked(Actor actor, String tool, String risk, Instant occurredAt) implements AuditedEvent.OnTool {

    public ToolBlocked(Actor actor, String tool, String risk) {
        this(actor, tool, risk, Instant.now());
    }

    @Override
    public String auditType() {
        return "autonomy.blocked";
    }

    @Override
    public boolean succeeded() {
        return false;
    }

    @Override
    public Map<String, Object> auditDetails() {
        return Map.of("risk", risk);
    }

    @Override
    public String auditSeverity() {
        return "warn";
    }
}
