package ownpilot.gateway.debug;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.JsonFields;
import ownpilot.gateway.shared.QueryParams;
import tools.jackson.databind.JsonNode;

/** The debug ring of model requests and responses (spec §32): read, read the newest, clear, switch on/off. */
@RestController
@RequestMapping("/api/v1/debug")
class DebugController {

    private final DebugLog log;

    private final CurrentUser user;

    DebugController(DebugLog log, CurrentUser user) {
        this.log = log;
        this.user = user;
    }

    /** Counts of the listed entries by type, under the spec's names and the web UI's. */
    record Summary(long totalEntries, long requestCount, long responseCount, long errorCount, long retryCount,
            long toolResultCount, long requests, long responses, long errors, long retries, long toolCalls) {

        static Summary of(long total, List<DebugLog.Entry> entries) {
            long requests = count(entries, "request");
            long responses = count(entries, "response");
            long errors = count(entries, "error");
            long retries = count(entries, "retry");
            long tools = count(entries, "tool_result");
            return new Summary(total, requests, responses, errors, retries, tools, requests, responses, errors,
                    retries, tools);
        }

        private static long count(List<DebugLog.Entry> entries, String type) {
            return entries.stream().filter(e -> e.type().equals(type)).count();
        }
    }

    record DebugView(boolean enabled, Summary summary, List<DebugLog.Entry> entries) {}

    record Recent(int count, List<DebugLog.Entry> entries) {}

    record Cleared(int cleared, String message) {}

    record Toggled(boolean enabled, String message) {}

    @GetMapping
    DebugView entries(@RequestParam Map<String, String> params) {
        List<DebugLog.Entry> entries = log.recent(user.id(), new QueryParams(params).integer("count", 50, 1, 10_000));
        return new DebugView(log.enabled(), Summary.of(log.size(user.id()), entries), entries);
    }

    @GetMapping("/recent")
    Recent recent(@RequestParam Map<String, String> params) {
        List<DebugLog.Entry> entries = log.recent(user.id(), new QueryParams(params).integer("count", 10, 1, 10_000));
        return new Recent(entries.size(), entries);
    }

    @DeleteMapping
    Cleared clear() {
        int cleared = log.clear(user.id());
        return new Cleared(cleared, "Debug log cleared (" + cleared + " entries)");
    }

    /** {@code {"enabled": true|false}}; without the field, flips the current state. */
    @PostMapping("/toggle")
    Toggled toggle(@RequestBody(required = false) JsonNode body) {
        JsonFields in = JsonFields.ofOptional(body).allow(Set.of("enabled"));
        boolean next = in.bool("enabled", !log.enabled());
        in.check();
        log.enabled(next);
        return new Toggled(next, "Debug logging " + (next ? "enabled" : "disabled"));
    }
}
