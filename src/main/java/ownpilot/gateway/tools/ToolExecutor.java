package ownpilot.gateway.tools;

import tools.jackson.databind.JsonNode;

/** Runs a tool with validated arguments for a caller; returns a JSON-serializable result. */
@FunctionalInterface
public interface ToolExecutor {

    Object execute(ToolCaller caller, JsonNode arguments);
}
