package ownpilot.gateway.autonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.JsonFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web UI's autonomy routes, aliases of the spec's: the approval queue under {@code /approvals},
 * and the level, budgets and tool lists each set by a route of its own instead of
 * {@code PATCH /autonomy/config}. Every write answers the whole config, as the spec's routes do.
 */
@RestController
@RequestMapping("/api/v1/autonomy")
class AutonomyUiController {

    private final AutonomyConfigService configs;
    private final AutonomyGate gate;
    private final AutonomyViews views;
    private final CurrentUser user;

    AutonomyUiController(AutonomyConfigService configs, AutonomyGate gate, AutonomyViews views, CurrentUser user) {
        this.configs = configs;
        this.gate = gate;
        this.views = views;
        this.user = user;
    }

    @GetMapping("/approvals")
    AutonomyViews.PendingList approvals() {
        return views.pending(gate.pending(user.actor()));
    }

    @PostMapping("/approvals/{id}/approve")
    Approval approve(@PathVariable String id) {
        return gate.approve(user.actor(), id, null, false);
    }

    @PostMapping("/approvals/{id}/reject")
    Approval reject(@PathVariable String id) {
        return gate.reject(user.actor(), id, null);
    }

    /** {@code {level}}. */
    @PostMapping("/level")
    AutonomyViews.ConfigWithLevels level(@RequestBody JsonNode body) {
        return patch(body, Set.of("level"));
    }

    /** {@code {dailyBudget}} or {@code {maxCostPerAction}} (USD; 0 for no limit). */
    @PatchMapping("/budget")
    AutonomyViews.ConfigWithLevels budget(@RequestBody JsonNode body) {
        return patch(body, Set.of("dailyBudget", "maxCostPerAction", "notificationThreshold"));
    }

    /** {@code {tool}}: allowed from now on (and no longer blocked). */
    @PostMapping("/tools/allow")
    AutonomyViews.ConfigWithLevels allow(@RequestBody JsonNode body) {
        return move(tool(body), "allowedTools");
    }

    /** {@code {tool}}: blocked from now on (and no longer allowed). */
    @PostMapping("/tools/block")
    AutonomyViews.ConfigWithLevels block(@RequestBody JsonNode body) {
        return move(tool(body), "blockedTools");
    }

    /** Neither allowed nor blocked any more: the level decides again. */
    @DeleteMapping("/tools/{tool}")
    AutonomyViews.ConfigWithLevels forget(@PathVariable String tool) {
        return move(tool, null);
    }

    private AutonomyViews.ConfigWithLevels patch(JsonNode body, Set<String> fields) {
        JsonFields.of(body).allow(fields).check();
        return views.withLevels(user.id(), configs.update(user.id(), body));
    }

    private static String tool(JsonNode body) {
        JsonFields in = JsonFields.of(body).allow(Set.of("tool"));
        String tool = in.text("tool", null, 64, true);
        in.check();
        return tool;
    }

    /** Takes the tool out of both lists and puts it into {@code into} (none when null). */
    private AutonomyViews.ConfigWithLevels move(String tool, String into) {
        AutonomyConfig current = configs.current(user.id());
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.set("allowedTools", list(current.allowedTools(), tool, "allowedTools".equals(into)));
        patch.set("blockedTools", list(current.blockedTools(), tool, "blockedTools".equals(into)));
        return views.withLevels(user.id(), configs.update(user.id(), patch));
    }

    private static JsonNode list(List<String> current, String tool, boolean include) {
        List<String> next = new ArrayList<>(current);
        next.remove(tool);
        if (include) {
            next.add(tool);
        }
        var array = JsonNodeFactory.instance.arrayNode();
        next.forEach(array::add);
        return array;
    }
}
