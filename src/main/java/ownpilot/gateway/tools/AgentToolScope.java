package ownpilot.gateway.tools;

import java.util.List;
import java.util.Optional;

/** The tools an agent may use; implemented by the agents module. Empty when there is no such agent. */
public interface AgentToolScope {

    Optional<List<String>> toolsOf(String userId, String agentId);
}
