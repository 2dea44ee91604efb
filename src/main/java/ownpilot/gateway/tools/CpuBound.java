package ownpilot.gateway.tools;

import ownpilot.gateway.shared.Actor;
import tools.jackson.databind.JsonNode;

/**
 * Marks a tool whose work is computation on its arguments (text scans, regexes, expressions, list
 * and statistics work): {@link ToolExecution} runs it on the {@code CpuPool}, not on the caller's
 * virtual thread.
 */
public record CpuBound(ToolExecutor inner) implements ToolExecutor {

    @Override
    public Object execute(Actor caller, JsonNode arguments) {
        return inner.execute(caller, arguments);
    }
}
