package ownpilot.gateway.agents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.settings.ProviderDefaults;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.Deleted;
import ownpilot.gateway.shared.QueryParams;
import tools.jackson.databind.JsonNode;

/** Agents (spec §3). Responses show the effective tool list and what "default" provider/model resolve to. */
@RestController
@RequestMapping("/api/v1/agents")
class AgentsController {

    private final AgentService agents;
    private final ProviderDefaults defaults;
    private final CurrentUser user;

    AgentsController(AgentService agents, ProviderDefaults defaults, CurrentUser user) {
        this.agents = agents;
        this.defaults = defaults;
        this.user = user;
    }

    @GetMapping
    List<Map<String, Object>> list(@RequestParam Map<String, String> params) {
        ProviderDefaults.Resolved resolved = defaults.resolve(user.id());
        return agents.list(user.id(), new QueryParams(params).paging(100)).stream()
                .map(a -> view(a, resolved)).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@RequestBody JsonNode body) {
        return view(agents.create(user.actor(), body));
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        return view(agents.get(user.id(), id));
    }

    @PatchMapping("/{id}")
    Map<String, Object> update(@PathVariable String id, @RequestBody JsonNode body) {
        return view(agents.update(user.actor(), id, body));
    }

    @DeleteMapping("/{id}")
    Deleted delete(@PathVariable String id) {
        agents.delete(user.actor(), id);
        return Deleted.of(id);
    }

    @PostMapping("/{id}/reset")
    Map<String, Object> reset(@PathVariable String id) {
        return Map.of("agentId", id,
                "conversationId", agents.resetConversation(user.actor(), id));
    }

    @PostMapping("/resync")
    Map<String, Object> resync() {
        return agents.resync(user.actor());
    }

    private Map<String, Object> view(Agent agent) {
        return view(agent, defaults.resolve(user.id()));
    }

    private Map<String, Object> view(Agent a, ProviderDefaults.Resolved resolved) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", a.id());
        out.put("name", a.name());
        out.put("provider", a.provider());
        out.put("model", a.model());
        out.put("systemPrompt", a.systemPrompt());
        out.put("tools", agents.effectiveTools(user.id(), a.config()));
        out.put("config", a.config());
        Map<String, Object> effective = new LinkedHashMap<>();
        effective.put("provider", a.provider().equals("default") ? resolved.provider() : a.provider());
        effective.put("model", a.model().equals("default") ? resolved.model() : a.model());
        out.put("resolved", effective);
        out.put("templateId", a.templateId());
        out.put("conversationId", a.conversationId());
        out.put("createdAt", a.createdAt());
        out.put("updatedAt", a.updatedAt());
        return out;
    }
}
