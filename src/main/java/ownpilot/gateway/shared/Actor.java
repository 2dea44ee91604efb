package ownpilot.gateway.shared;

import java.util.Locale;
import java.util.Objects;

/**
 * Who acts: the user whose data is touched, what kind of actor does it (the user through the API, an
 * agent in a chat, a trigger, a plan step, a channel message, the gateway itself), which one, and the
 * correlation id that ties together everything one action caused (the HTTP request id, a job's run id).
 * Created at the edge (an authenticated request, a job, a webhook, a listener) and passed explicitly
 * through services, tools, the autonomy gate, model calls and events. {@code conversationId} is set
 * while the actor works inside a chat conversation (a tool call of a turn), so what it creates can
 * name the conversation it came from; null elsewhere.
 */
public record Actor(String userId, Type type, String id, String correlationId, String conversationId) {

    public enum Type {
        user, agent, system, trigger, plan, channel;

        public static Type parse(String value) {
            try {
                return valueOf(value.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("Unknown actor type: " + value);
            }
        }
    }

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    public Actor(String userId, Type type, String id, String correlationId) {
        this(userId, type, id, correlationId, null);
    }

    /** The same actor, working inside this conversation. */
    public Actor inConversation(String conversation) {
        return new Actor(userId, type, id, correlationId, conversation);
    }

    public static Actor user(String userId, String correlationId) {
        return new Actor(userId, Type.user, userId, correlationId);
    }

    /** The gateway acting on its own for a user (seeding, expiry, clean-up), named by its component. */
    public static Actor system(String userId, String component) {
        return new Actor(userId, Type.system, component, Ids.prefixed("sys"));
    }

    /** The same user and correlation, acted out by someone else (an agent running the user's chat). */
    public Actor as(Type otherType, String otherId) {
        return new Actor(userId, otherType, otherId, correlationId, conversationId);
    }

    public String typeName() {
        return type.name();
    }
}
