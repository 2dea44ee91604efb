package ownpilot.gateway.autonomy;

import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.JsonFields;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.tools.ToolDefinition;
import ownpilot.gateway.tools.ToolExecution;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Autonomy configuration, risk assessment and the approval queue (spec §19). */
@RestController
@RequestMapping("/api/v1/autonomy")
class AutonomyController {

    private final AutonomyConfigService configs;
    private final AutonomyGate gate;
    private final ApprovalRepository approvals;
    private final ToolExecution execution;
    private final CurrentUser user;
    private final AutonomyViews views;

    AutonomyController(AutonomyConfigService configs, AutonomyGate gate, ApprovalRepository approvals,
            ToolExecution execution, CurrentUser user, AutonomyViews views) {
        this.views = views;
        this.configs = configs;
        this.gate = gate;
        this.approvals = approvals;
        this.execution = execution;
        this.user = user;
    }

    @GetMapping("/config")
    AutonomyViews.ConfigWithLevels config() {
        return views.withLevels(user.id(), configs.current(user.id()));
    }

    @PatchMapping("/config")
    AutonomyViews.ConfigWithLevels update(@RequestBody JsonNode patch) {
        return views.withLevels(user.id(), configs.update(user.id(), patch));
    }

    @PostMapping("/config/reset")
    AutonomyViews.ConfigWithLevels reset() {
        return views.withLevels(user.id(), configs.reset(user.id()));
    }

    /**
     * {@code {"tool": "delete_task", "arguments": {...}}} → risk and what the gate would decide. The
     * original's shape, {@code {category, actionType, params: {tool, arguments?}}}, names the same.
     */
    record Assessment(String tool, Risk risk, int autonomyLevel, String autonomyLevelName) {}

    @PostMapping("/assess")
    Assessment assess(@RequestBody JsonNode body) {
        if (body.isObject() && !body.has("tool") && body.path("params").isObject()) {
            JsonFields.of(body).allow(Set.of("category", "actionType", "params", "description")).check();
            body = body.get("params");
        }
        if (!body.isObject() || !body.path("tool").isString()) {
            throw ApiException.validation("tool", "is required: the name of a tool (or params.tool)");
        }
        JsonNode arguments = body.has("arguments") ? body.get("arguments") : JsonNodeFactory.instance.objectNode();
        if (!arguments.isObject()) {
            throw ApiException.validation("arguments", "must be a JSON object");
        }
        ToolDefinition tool = execution.require(user.id(), body.path("tool").asString());
        AutonomyConfig config = configs.current(user.id());
        return new Assessment(tool.name(), gate.assess(user.id(), tool, arguments), config.level(),
                AutonomyConfig.LEVELS.get(config.level()).name());
    }

    @GetMapping("/pending")
    AutonomyViews.PendingList pending() {
        return views.pending(gate.pending(caller()));
    }

    @GetMapping("/approvals/{id}")
    Approval approval(@PathVariable String id) {
        return approvals.find(user.id(), id).orElseThrow(() -> ApiException.notFound("Approval " + id));
    }

    /** Approves and runs the parked call. {@code grantMinutes} also lets similar calls run without asking. */
    @PostMapping("/approve/{id}")
    Approval approve(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        JsonFields in = JsonFields.ofOptional(body).allow(Set.of("grantMinutes", "grantScope"));
        Double minutes = in.nullableNumber("grantMinutes", null, 1, 1440, true);
        String scope = in.text("grantScope", null, 16, false);
        if (scope != null && !scope.equals("arguments") && !scope.equals("tool")) {
            in.problem("grantScope", "must be arguments or tool");
        }
        if (scope != null && minutes == null) {
            in.problem("grantMinutes", "is required with grantScope");
        }
        in.check();
        return gate.approve(caller(), id, minutes == null ? null : minutes.intValue(), "tool".equals(scope));
    }

    @PostMapping("/reject/{id}")
    Approval reject(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        JsonFields in = JsonFields.ofOptional(body).allow(Set.of("reason"));
        String reason = in.text("reason", null, 1000, false);
        in.check();
        return gate.reject(caller(), id, reason);
    }

    private Actor caller() {
        return user.actor();
    }
}
