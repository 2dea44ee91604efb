package ownpilot.gateway.chat;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.Paging;
import ownpilot.gateway.shared.QueryParams;

/**
 * The log of model requests: list with filters, one entry, statistics over the last {@code days}, and
 * clearing, either everything ({@code ?all=true}) or entries older than {@code olderThanDays} (default 30).
 */
@RestController
@RequestMapping("/api/v1/chat/logs")
class ChatLogsController {

    record LogPage(List<RequestLogRepository.LogSummary> logs, long total, int limit, int offset) {}

    record Cleared(int deleted, String mode) {}

    private final RequestLogRepository logs;
    private final CurrentUser user;

    ChatLogsController(RequestLogRepository logs, CurrentUser user) {
        this.logs = logs;
        this.user = user;
    }

    @GetMapping
    LogPage list(@RequestParam Map<String, String> params) {
        QueryParams q = new QueryParams(params);
        Paging paging = q.paging(100);
        RequestLogRepository.Filter filter = new RequestLogRepository.Filter(
                q.oneOf("type", RequestLogRepository.TYPES), q.bool("errors"), q.text("conversationId"));
        return new LogPage(logs.list(user.id(), filter, paging.limit(), paging.offset()), logs.count(user.id(), filter), paging.limit(),
                paging.offset());
    }

    @GetMapping("/stats")
    RequestLogRepository.LogStats stats(@RequestParam Map<String, String> params) {
        return logs.stats(user.id(), new QueryParams(params).integer("days", 7, 1, 3650));
    }

    @GetMapping("/{id}")
    RequestLogRepository.LogDetail get(@PathVariable String id) {
        return logs.find(user.id(), id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND",
                "Log entry not found: " + id));
    }

    @DeleteMapping
    Cleared clear(@RequestParam Map<String, String> params) {
        QueryParams q = new QueryParams(params);
        if (Boolean.TRUE.equals(q.bool("all"))) {
            return new Cleared(logs.deleteAll(user.id()), "all");
        }
        int days = q.integer("olderThanDays", 30, 0, 36500);
        return new Cleared(logs.deleteOlderThan(user.id(), days), "older than " + days + " days");
    }
}
