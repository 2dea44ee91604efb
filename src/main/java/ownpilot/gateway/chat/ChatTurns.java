package ownpilot.gateway.chat;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Service;
import ownpilot.gateway.llm.Cancellation;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.Ids;

/**
 * Runs one chat turn for an actor: the user through {@code POST /chat}, or a background caller (a
 * trigger, a plan step, a channel message) that has no HTTP request. Every caller goes through the
 * same path: agent, provider and model resolution, the conversation lock, the tool loop behind the
 * autonomy gate (a call that needs approval is parked under the actor and waits in
 * {@code /autonomy/pending}), budgets, usage records and the stored conversation.
 */
@Service
public class ChatTurns {

    /**
     * What a background caller asks: a message, and optionally who answers and where. Without a
     * conversation id the turn starts a new conversation (an agent's turn continues the agent's), so
     * a job never writes into the chat the user has open.
     */
    public record Turn(String message, String agentId, String provider, String model, String conversationId,
            String threadConversation) {

        public Turn(String message, String agentId, String provider, String model, String conversationId) {
            this(message, agentId, provider, model, conversationId, null);
        }

        public static Turn of(String message) {
            return new Turn(message, null, null, null, null);
        }

        /**
         * A turn in a thread of its own (a channel's chat): the conversation {@code conversationId} is
         * continued, or started under that id on the thread's first message.
         */
        public static Turn inThread(String message, String agentId, String conversationId) {
            return new Turn(message, agentId, null, null, null, conversationId);
        }
    }

    private final ChatSetup setup;
    private final ChatService service;
    private final ChatStreams streams;
    private final ConversationLocks locks;

    ChatTurns(ChatSetup setup, ChatService service, ChatStreams streams, ConversationLocks locks) {
        this.setup = setup;
        this.service = service;
        this.streams = streams;
        this.locks = locks;
    }

    /**
     * Runs the turn to its end and returns the reply; {@code sink} hears the text and progress as they
     * come ({@link ChatSink#NONE} for nobody). Failures are {@link ApiException}s, the partial answer
     * stored in the conversation marked partial.
     */
    public ChatReply run(Actor actor, Turn turn, ChatSink sink) {
        return run(actor, turn, sink, new Cancellation());
    }

    /** Like {@link #run(Actor, Turn, ChatSink)}; cancelling {@code cancellation} stops the model call (a step's timeout). */
    public ChatReply run(Actor actor, Turn turn, ChatSink sink, Cancellation cancellation) {
        if (turn.message() == null || turn.message().isBlank() || turn.message().length() > ChatRequest.MAX_MESSAGE) {
            throw ApiException.validation("message", "must be 1 to " + ChatRequest.MAX_MESSAGE + " characters");
        }
        ChatRequest request = new ChatRequest(turn.message(), turn.conversationId(), turn.agentId(), turn.provider(),
                turn.model(), false, false, null, List.of(), List.of(),
                turn.conversationId() == null && turn.agentId() == null, null, null);
        ChatSetup.Setup resolved = setup.resolve(actor, request, turn.threadConversation());
        return reply(actor, resolved, new ChatRun.Client(null, actor.typeName() + ":" + actor.id()), sink, cancellation);
    }

    ChatReply reply(Actor actor, ChatRequest request, ChatRun.Client client, ChatSink sink) {
        return reply(actor, setup.resolve(actor, request), client, sink, new Cancellation());
    }

    private ChatReply reply(Actor actor, ChatSetup.Setup resolved, ChatRun.Client client, ChatSink sink,
            Cancellation cancellation) {
        Runnable unlock = locks.acquire(resolved.conversation().id());
        try {
            return service.run(actor, Ids.uuid(), resolved, client, sink, cancellation);
        } catch (ChatFailed failed) {
            throw failed.error();
        } finally {
            unlock.run();
        }
    }

    /** The turn as server-sent events on the response; a bad request still fails as a plain HTTP error. */
    void stream(Actor actor, ChatRequest request, ChatRun.Client client, HttpServletResponse response)
            throws IOException {
        ChatSetup.Setup resolved = setup.resolve(actor, request);
        Runnable unlock = locks.acquire(resolved.conversation().id());
        try {
            streams.stream(actor, Ids.uuid(), resolved, client, response);
        } finally {
            unlock.run();
        }
    }
}
