package ownpilot.gateway.debug;

import java.util.LinkedHashMap;
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

    @GetMapping
    Map<String, Object> entries(@RequestParam Map<String, String> params) {
        List<DebugLog.Entry> entries = log.recent(user.id(), new QueryParams(params).integer("count", 50, 1, 10_000));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("totalEntries", log.size(user.id()));
        summary.put("requestCount", entries.stream().filter(e -> e.type().equals("request")).count());
        summary.put("responseCount", entries.stream().filter(e -> e.type().equals("response")).count());
        summary.put("errorCount", entries.stream().filter(e -> e.type().equals("error")).count());
        summary.put("retryCount", entries.stream().filter(e -> e.type().equals("retry")).count());
        summary.put("toolResultCount", entries.stream().filter(e -> e.type().equals("tool_result")).count());
        // the web UI's names for the same counts
        summary.put("requests", summary.get("requestCount"));
        summary.put("responses", summary.get("responseCount"));
        summary.put("errors", summary.get("errorCount"));
        summary.put("retries", summary.get("retryCount"));
        summary.put("toolCalls", summary.get("toolResultCount"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enabled", log.enabled());
        out.put("summary", summary);
        out.put("entries", entries);
        return out;
    }

    @GetMapping("/recent")
    Map<String, Object> recent(@RequestParam Map<String, String> params) {
        List<DebugLog.Entry> entries = log.recent(user.id(), new QueryParams(params).integer("count", 10, 1, 10_000));
        return Map.of("count", entries.size(), "entries", entries);
    }

    @DeleteMapping
    Map<String, Object> clear() {
        int cleared = log.clear(user.id());
        return Map.of("cleared", cleared, "message", "Debug log cleared (" + cleared + " entries)");
    }

    /** {@code {"enabled": true|false}}; without the field, flips the current state. */
    @PostMapping("/toggle")
    Map<String, Object> toggle(@RequestBody(required = false) JsonNode body) {
        JsonFields in = JsonFields.ofOptional(body).allow(Set.of("enabled"));
        boolean next = in.bool("enabled", !log.enabled());
        in.check();
        log.enabled(next);
        return Map.of("enabled", next, "message", "Debug logging " + (next ? "enabled" : "disabled"));
    }
}
