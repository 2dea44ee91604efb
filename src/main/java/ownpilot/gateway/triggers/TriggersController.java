package ownpilot.gateway.triggers;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.Deleted;
import ownpilot.gateway.shared.JsonFields;
import ownpilot.gateway.shared.Paging;
import ownpilot.gateway.shared.QueryParams;
import tools.jackson.databind.JsonNode;

/**
 * Triggers (spec §17, plus the original's {@code stats}, {@code history}, {@code due}, {@code
 * enable}/{@code disable}, {@code cleanup} and {@code engine}, the notifications they raise, and the
 * signed webhook).
 */
@RestController
@RequestMapping("/api/v1/triggers")
class TriggersController {

    record Listing(List<Trigger> triggers, long total, int limit, int offset) {}

    record Triggers(List<Trigger> triggers, int count) {}

    record Detail(@JsonUnwrapped Trigger trigger, List<TriggerRepository.HistoryEntry> recentHistory) {}

    record History(String triggerId, String triggerName, List<TriggerRepository.HistoryEntry> history, int count) {}

    record AllHistory(List<TriggerRepository.HistoryEntry> history, int count) {}

    record Cleaned(int deleted, int maxAgeDays) {}

    record NotificationList(List<Notifications.Notification> notifications, int count) {}

    record Read(String id, boolean read) {}

    record Engine(@JsonUnwrapped TriggerScheduler.EngineStatus status, String message) {}

    private final TriggerService service;
    private final TriggerRepository triggers;
    private final TriggerFiring firing;
    private final TriggerScheduler scheduler;
    private final TriggerWebhooks webhooks;
    private final Notifications notifications;
    private final CurrentUser user;

    TriggersController(TriggerService service, TriggerRepository triggers, TriggerFiring firing,
            TriggerScheduler scheduler, TriggerWebhooks webhooks, Notifications notifications, CurrentUser user) {
        this.service = service;
        this.triggers = triggers;
        this.firing = firing;
        this.scheduler = scheduler;
        this.webhooks = webhooks;
        this.notifications = notifications;
        this.user = user;
    }

    @GetMapping
    Listing list(@RequestParam Map<String, String> params) {
        QueryParams q = new QueryParams(params);
        String type = q.oneOf("type", TriggerInput.TYPES);
        Boolean enabled = q.bool("enabled");
        Paging paging = q.paging(20);
        return new Listing(service.list(user.id(), type, enabled, paging.limit(), paging.offset()),
                triggers.count(user.id(), type, enabled), paging.limit(), paging.offset());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TriggerService.Created create(@RequestBody JsonNode body) {
        return service.create(user.id(), body);
    }

    @GetMapping("/stats")
    TriggerRepository.Stats stats() {
        return triggers.stats(user.id());
    }

    @GetMapping("/history")
    AllHistory history(@RequestParam Map<String, String> params) {
        var entries = triggers.history(user.id(), null, new QueryParams(params).integer("limit", 50, 1, Paging.MAX_LIMIT));
        return new AllHistory(entries, entries.size());
    }

    @GetMapping("/due")
    Triggers due() {
        List<Trigger> due = triggers.due(user.id()).stream().map(service::view).toList();
        return new Triggers(due, due.size());
    }

    @PostMapping("/cleanup")
    Cleaned cleanup(@RequestBody(required = false) JsonNode body) {
        JsonFields f = JsonFields.ofOptional(body);
        int days = (int) f.number("maxAgeDays", 30, 1, 3650, true);
        f.check();
        return new Cleaned(triggers.cleanup(user.id(), days), days);
    }

    @GetMapping("/engine/status")
    TriggerScheduler.EngineStatus engine() {
        return scheduler.status();
    }

    @PostMapping("/engine/start")
    Engine start() throws org.quartz.SchedulerException {
        scheduler.start();
        return new Engine(scheduler.status(), "Trigger engine started on this replica.");
    }

    /** Puts this replica's scheduler on standby; the other replicas keep firing. */
    @PostMapping("/engine/stop")
    Engine stop() throws org.quartz.SchedulerException {
        scheduler.standby();
        return new Engine(scheduler.status(), "Trigger engine on standby on this replica; other replicas keep firing.");
    }

    @GetMapping("/notifications")
    NotificationList notifications(@RequestParam Map<String, String> params) {
        QueryParams q = new QueryParams(params);
        var list = notifications.list(user.id(), Boolean.TRUE.equals(q.bool("unread")), q.integer("limit", 50, 1, Paging.MAX_LIMIT));
        return new NotificationList(list, list.size());
    }

    @PostMapping("/notifications/{id}/read")
    Read read(@PathVariable String id) {
        if (!notifications.markRead(user.id(), id)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "Notification not found: " + id);
        }
        return new Read(id, true);
    }

    @GetMapping("/{id}")
    Detail get(@PathVariable String id) {
        return new Detail(service.view(service.get(user.id(), id)), triggers.history(user.id(), id, 10));
    }

    @PatchMapping("/{id}")
    Trigger update(@PathVariable String id, @RequestBody JsonNode body) {
        return service.update(user.id(), id, body);
    }

    @DeleteMapping("/{id}")
    Deleted delete(@PathVariable String id) {
        service.delete(user.id(), id);
        return Deleted.of(id);
    }

    @PostMapping("/{id}/enable")
    Trigger enable(@PathVariable String id) {
        return service.setEnabled(user.id(), id, true);
    }

    @PostMapping("/{id}/disable")
    Trigger disable(@PathVariable String id) {
        return service.setEnabled(user.id(), id, false);
    }

    /** {@code {enabled}} sets it; without a body the trigger flips. */
    @PatchMapping("/{id}/toggle")
    Trigger toggle(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        JsonFields f = JsonFields.ofOptional(body);
        boolean now = service.get(user.id(), id).enabled();
        boolean enabled = f.bool("enabled", !now);
        f.check();
        return service.setEnabled(user.id(), id, enabled);
    }

    /** Fires now, whatever its schedule, and answers with the outcome; a disabled trigger never fires. */
    @PostMapping("/{id}/fire")
    TriggerFiring.Fired fire(@PathVariable String id) {
        Trigger trigger = service.get(user.id(), id);
        if (!trigger.enabled()) {
            throw new ApiException(HttpStatus.CONFLICT, "TRIGGER_DISABLED",
                    "Trigger " + id + " is disabled; enable it before firing it");
        }
        return firing.fire(trigger, "manual", null, null, null);
    }

    @GetMapping("/{id}/history")
    History history(@PathVariable String id, @RequestParam Map<String, String> params) {
        Trigger trigger = service.get(user.id(), id);
        var entries = triggers.history(user.id(), id, new QueryParams(params).integer("limit", 20, 1, Paging.MAX_LIMIT));
        return new History(id, trigger.name(), entries, entries.size());
    }

    /** No user credential: the signature over the raw body is the credential (see {@link TriggerWebhooks}). */
    @PostMapping("/{id}/webhook")
    @ResponseStatus(HttpStatus.ACCEPTED)
    TriggerWebhooks.Accepted webhook(@PathVariable String id,
            @RequestHeader(name = "X-OwnPilot-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "X-OwnPilot-Signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        return webhooks.deliver(id, timestamp, signature, body == null ? new byte[0] : body);
    }
}
