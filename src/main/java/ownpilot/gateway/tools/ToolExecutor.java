package ownpilot.gateway.tools;

import tools.jackson.databind.JsonNode;

/** Runs a tool with validated arguments on behalf of a user; returns a JSON-serializable result. */
@FunctionalInterface
public interface ToolExecutor {

    Object execute(String userId, JsonNode arguments);
}
