package ownpilot.gateway.agents;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import ownpilot.gateway.tools.AgentToolScope;

@Component
class AgentScope implements AgentToolScope {

    private final AgentRepository repository;
    private final AgentService agents;

    AgentScope(AgentRepository repository, AgentService agents) {
        this.repository = repository;
        this.agents = agents;
    }

    @Override
    public Optional<List<String>> toolsOf(String userId, String agentId) {
        return repository.find(userId, agentId).map(a -> agents.effectiveTools(userId, a.config()));
    }
}
