package ownpilot.gateway.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.QueryParams;

/** Query, summarise and (with an explicit scope) clear the audit trail (spec §33). */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditRepository repository;
    private final AuditLog log;
    private final CurrentUser user;

    AuditController(AuditRepository repository, AuditLog log, CurrentUser user) {
        this.repository = repository;
        this.log = log;
        this.user = user;
    }

    /** One page of the trail: {@code count} on this page, {@code total} matching the filters. */
    record AuditPage(List<AuditRepository.AuditRecord> events, int count, long total) {}

    /** What a clearing removed: {@code all}, or {@code before <instant>}. */
    record AuditCleared(int deleted, String scope) {}

    @GetMapping
    AuditPage query(@RequestParam Map<String, String> params) {
        QueryParams q = new QueryParams(params);
        AuditQuery query = AuditQuery.from(q);
        List<AuditRepository.AuditRecord> events = repository.find(user.id(), query, q.paging(100));
        return new AuditPage(events, events.size(), repository.count(user.id(), query));
    }

    /** Counts of the user's trail by type, severity and outcome, and the times of its oldest and newest record. */
    record Stats(long total, Map<String, Long> byType, Map<String, Long> bySeverity, Map<String, Long> byOutcome,
            String oldest, String newest) {}

    @GetMapping("/stats")
    Stats stats() {
        String userId = user.id();
        AuditRepository.Range range = repository.range(userId);
        return new Stats(repository.count(userId, AuditQuery.from(new QueryParams(Map.of()))),
                repository.countBy(userId, "type"), repository.countBy(userId, "severity"),
                repository.countBy(userId, "outcome"), range.oldest(), range.newest());
    }

    /**
     * Clears the trail: everything (a bare {@code DELETE}, the spec's "clear audit logs", or
     * {@code ?all=true}), or what is older than {@code ?before=<ISO date-time>}. The clearing itself is
     * recorded, after the deletion, so it survives it.
     */
    @DeleteMapping
    AuditCleared clear(@RequestParam Map<String, String> params) {
        QueryParams q = new QueryParams(params);
        OffsetDateTime before = q.dateTime("before");
        boolean all = Boolean.TRUE.equals(q.bool("all"));
        if (before != null && all) {
            throw ApiException.validation("scope", "give either before or all, not both");
        }
        int deleted = log.clear(user.actor(), before);
        return new AuditCleared(deleted, before == null ? "all" : "before " + before.toInstant());
    }
}
