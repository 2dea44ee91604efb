package ownpilot.gateway.agents;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.CurrentUser;

/** Installs the default agent templates for the default user when they have no agent at all. */
@Component
class AgentSeeder {

    private final AgentService agents;

    AgentSeeder(AgentService agents) {
        this.agents = agents;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!agents.hasAgents(CurrentUser.DEFAULT_USER)) {
            agents.resync(Actor.system(CurrentUser.DEFAULT_USER, "agent-seeder"));
        }
    }
}
