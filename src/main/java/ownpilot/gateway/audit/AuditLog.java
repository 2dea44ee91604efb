package ownpilot.gateway.audit;

import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import ownpilot.gateway.shared.Actor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import ownpilot.gateway.shared.AuditedEvent;
import ownpilot.gateway.shared.Ids;

/**
 * The audit trail, written from the domain events the other modules publish, in the transaction that
 * publishes them ({@link ownpilot.gateway.shared.DomainEvents} always opens one): a record commits
 * exactly when the action it records does, and is on the trail when the action's response leaves.
 * It used to be an asynchronous listener of the durable publication registry; that cost each action
 * a second commit, a serialized publication and a completion update (a third of a tool run's time
 * under load, bench/README.md) for a write that is one insert into the same database.
 */
@Service
public class AuditLog {

    private final AuditRepository repository;

    AuditLog(AuditRepository repository) {
        this.repository = repository;
    }

    void record(AuditEntry entry) {
        repository.insert(Ids.prefixed("evt"), entry);
    }

    /** Deletes the user's trail before {@code before}, or all of it when null, and records that it did. */
    @Transactional
    int clear(Actor actor, OffsetDateTime before) {
        int deleted = before == null ? repository.deleteAll(actor.userId())
                : repository.deleteBefore(actor.userId(), before);
        record(new AuditEntry(actor.userId(), "audit.cleared", AuditEntry.Severity.warn, actor.typeName(), actor.id(),
                "audit", before == null ? "all" : "before:" + before, true, Map.of("deleted", deleted),
                actor.correlationId(), null, null));
        return deleted;
    }

    @EventListener
    void on(AuditedEvent event) {
        var actor = event.actor();
        record(new AuditEntry(actor.userId(), event.auditType(), AuditEntry.Severity.valueOf(event.auditSeverity()),
                actor.typeName(), actor.id(), event.resourceType(), event.resourceId(), event.succeeded(),
                event.auditDetails(), actor.correlationId(), event.auditDurationMs(), event.occurredAt()));
    }
}
