package ownpilot.gateway.tools;

import ownpilot.gateway.shared.Actor;
import tools.jackson.databind.JsonNode;

/** Runs a tool with validated arguments for a caller; returns a JSON-serializable result. */
@FunctionalInterface
public interface ToolExecutor {

    Object execute(Actor caller, JsonNode arguments);
}
