package ownpilot.gateway.autonomy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ownpilot.gateway.costs.Spending;
import tools.jackson.databind.json.JsonMapper;

/**
 * The autonomy answers as the spec and the web UI both read them: the config with the day's spend
 * against the autonomy budget and when it resets, and pending approvals with the UI's
 * {@code description}, {@code category} and {@code type} besides the spec's fields.
 */
@Component
class AutonomyViews {

    private final Spending spending;
    private final JsonMapper json;

    AutonomyViews(Spending spending, JsonMapper json) {
        this.spending = spending;
        this.json = json;
    }

    Map<String, Object> withLevels(String userId, AutonomyConfig config) {
        @SuppressWarnings("unchecked")
        Map<String, Object> view = json.convertValue(config, LinkedHashMap.class);
        view.put("dailySpend", spending.today(userId));
        view.put("budgetResetAt", spending.nextReset(userId).toInstant().toString());
        // every decision of the gate is audited; there is no switch to turn that off
        view.put("auditEnabled", true);
        return Map.of("config", view, "levels", AutonomyConfig.LEVELS);
    }

    Map<String, Object> pending(List<Approval> pending) {
        List<Map<String, Object>> items = pending.stream().map(this::item).toList();
        return Map.of("pending", items, "count", items.size());
    }

    private Map<String, Object> item(Approval approval) {
        @SuppressWarnings("unchecked")
        Map<String, Object> out = json.convertValue(approval, LinkedHashMap.class);
        out.put("description", "Run " + approval.tool() + " with " + approval.arguments());
        out.put("category", "tool");
        out.put("type", "tool_call");
        return out;
    }
}
