package ownpilot.gateway.customtools;

import java.time.Instant;
import java.util.Map;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.AuditedEvent;

/** Published after a custom tool was created, changed, deleted or moved to another status. */
public record CustomToolChanged(Actor actor, Change change, String toolId, String name, String status, int version, Instant occurredAt)
        implements AuditedEvent {

    public CustomToolChanged(Actor actor, Change change, String toolId, String name, String status, int version) {
        this(actor, change, toolId, name, status, version, Instant.now());
    }

    public enum Change { created, updated, deleted, enabled, disabled, approved, rejected }

    @Override
    public String auditType() {
        return "customtool." + change.name();
    }

    @Override
    public String resourceType() {
        return "customTool";
    }

    @Override
    public String resourceId() {
        return name;
    }

    @Override
    public Map<String, Object> auditDetails() {
        return Map.of("id", toolId, "status", status, "version", version);
    }
}
