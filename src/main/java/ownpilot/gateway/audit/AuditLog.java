package ownpilot.gateway.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import ownpilot.gateway.shared.Ids;
import ownpilot.gateway.tools.ToolExecuted;

/**
 * Writes audit events. Other modules call {@link #record}; tool runs arrive as {@link ToolExecuted}
 * events. Recording is synchronous, so an event is stored before the response that caused it.
 */
@Service
public class AuditLog {

    private final AuditRepository repository;

    AuditLog(AuditRepository repository) {
        this.repository = repository;
    }

    public void record(AuditEntry entry) {
        repository.insert(Ids.prefixed("evt"), entry);
    }

    @EventListener
    void toolExecuted(ToolExecuted event) {
        var details = new java.util.LinkedHashMap<String, Object>();
        details.put("category", event.category());
        details.put("source", event.source());
        if (event.error() != null) {
            details.put("error", event.error().length() > 1000 ? event.error().substring(0, 1000) : event.error());
        }
        record(new AuditEntry(event.caller().userId(), event.isError() ? "tool.error" : "tool.success",
                event.isError() ? AuditEntry.Severity.warn : AuditEntry.Severity.info, event.caller().actorType(),
                event.caller().actorId(), "tool", event.tool(), !event.isError(), details,
                event.caller().correlationId(), event.durationMs()));
    }
}
