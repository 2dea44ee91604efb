package ownpilot.gateway.chat;

import java.util.List;
import ownpilot.gateway.shared.Actor;

/**
 * A port the chat owns and other modules implement: what a turn's system prompt should also know
 * about the user (what the assistant remembers, the user's profile). Asked once per turn with the
 * user's message; a contributor that fails is left out, the turn goes on.
 */
public interface TurnContext {

    /**
     * @param section text for the system prompt under its own heading, or null for none
     * @param recalled ids of memories recalled into it, reported in the trace's {@code memoryOps}
     */
    record Contribution(String heading, String section, List<String> recalled) {
        public static final Contribution NONE = new Contribution(null, null, List.of());
    }

    Contribution contribute(Actor actor, String message);
}
