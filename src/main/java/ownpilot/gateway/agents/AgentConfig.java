package ownpilot.gateway.agents;

import java.util.List;

/** How an agent runs: sampling, the bounds of its tool loop, and the tools it is given. */
public record AgentConfig(int maxTokens, double temperature, int maxTurns, int maxToolCalls, List<String> tools,
        List<String> toolGroups) {

    public static AgentConfig defaults() {
        return new AgentConfig(8192, 0.7, 25, 200, List.of(), List.of());
    }
}
