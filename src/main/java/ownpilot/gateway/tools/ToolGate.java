package ownpilot.gateway.tools;

import ownpilot.gateway.shared.Actor;
import tools.jackson.databind.JsonNode;

/**
 * The port through which the tools module asks whether a call the assistant wants to make may run.
 * Owned here, implemented by the autonomy module, so that {@code use_tool} looks up, validates and
 * runs the inner tool once, and the verdict reaches its callers as a type.
 */
public interface ToolGate {

    /**
     * Decides on a validated call. A call that must wait is parked for approval before this returns;
     * {@code answer} is what the assistant is told instead of a result (the parked approval, or why
     * the call was refused), null when the call may run.
     */
    Decision decide(Actor actor, ToolDefinition tool, JsonNode arguments);

    /** Like {@link #decide(Actor, ToolDefinition, JsonNode)}, at most at autonomy level {@code levelCap} (null: the user's). */
    default Decision decide(Actor actor, ToolDefinition tool, JsonNode arguments, Integer levelCap) {
        return decide(actor, tool, arguments);
    }

    record Decision(GateVerdict verdict, Object answer) {}
}
