package ownpilot.gateway.agents;

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

    /** The provider and model a {@code "default"} agent runs with now. */
    record Resolved(String provider, String model) {}

    /** An agent as clients see it: its stored fields, the tools it may call, and what "default" means now. */
    record AgentView(String id, String name, String provider, String model, String systemPrompt, List<String> tools,
            AgentConfig config, Resolved resolved, String templateId, String conversationId, String createdAt,
            String updatedAt) {}

    record Reset(String agentId, String conversationId) {}

    private final AgentService agents;
    private final ProviderDefaults defaults;
    private final CurrentUser user;

    AgentsController(AgentService agents, ProviderDefaults defaults, CurrentUser user) {
        this.agents = agents;
        this.defaults = defaults;
        this.user = user;
    }

    @GetMapping
    List<AgentView> list(@RequestParam Map<String, String> params) {
        ProviderDefaults.Resolved resolved = defaults.resolve(user.id());
        return agents.list(user.id(), new QueryParams(params).paging(100)).stream()
                .map(a -> view(a, resolved)).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AgentView create(@RequestBody JsonNode body) {
        return view(agents.create(user.actor(), body));
    }

    @GetMapping("/{id}")
    AgentView get(@PathVariable String id) {
        return view(agents.get(user.id(), id));
    }

    @PatchMapping("/{id}")
    AgentView update(@PathVariable String id, @RequestBody JsonNode body) {
        return view(agents.update(user.actor(), id, body));
    }

    @DeleteMapping("/{id}")
    Deleted delete(@PathVariable String id) {
        agents.delete(user.actor(), id);
        return Deleted.of(id);
    }

    @PostMapping("/{id}/reset")
    Reset reset(@PathVariable String id) {
        return new Reset(id, agents.resetConversation(user.actor(), id));
    }

    @PostMapping("/resync")
    AgentService.Resync resync() {
        return agents.resync(user.actor());
    }

    private AgentView view(Agent agent) {
        return view(agent, defaults.resolve(user.id()));
    }

    private AgentView view(Agent a, ProviderDefaults.Resolved resolved) {
        return new AgentView(a.id(), a.name(), a.provider(), a.model(), a.systemPrompt(),
                agents.effectiveTools(user.id(), a.config()), a.config(),
                new Resolved(a.provider().equals("default") ? resolved.provider() : a.provider(),
                        a.model().equals("default") ? resolved.model() : a.model()),
                a.templateId(), a.conversationId(), a.createdAt(), a.updatedAt());
    }
}
