package ownpilot.gateway.chat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import ownpilot.gateway.llm.ModelMessage;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.Ids;

/**
 * Stores the start of a turn (a new conversation, its seed history, the user's message and the
 * context pointer) on a virtual thread while the model is already being called, so the writes are
 * not on the path to the first token. Everything written later in the run waits for it first.
 */
@Component
class TurnWriter implements DisposableBean {

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();

    TurnWriter(ConversationRepository conversations, MessageRepository messages) {
        this.conversations = conversations;
        this.messages = messages;
    }

    /** The turn's first writes, started by {@link Opening#start} and awaited by {@link Opening#await}. */
    final class Opening {

        private final Runnable writes;
        private CompletableFuture<Void> running;

        private Opening(Runnable writes) {
            this.writes = writes;
        }

        synchronized void start() {
            if (running == null) {
                running = CompletableFuture.runAsync(writes, writers);
            }
        }

        void await() {
            start();
            try {
                running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
    }

    /**
     * The writes that open a turn; the run starts them once the model request is on its way (or
     * before its first own write), so they overlap the provider's thinking time.
     */
    Opening open(Actor actor, ChatSetup.Setup s, List<ModelMessage> history) {
        return new Opening(() -> {
            String id = s.conversation().id();
            if (s.newConversation() && history.isEmpty()) {
                conversations.createWithFirstMessage(actor, s.conversation(), s.contextKey(),
                        Ids.uuid(), s.request().message());
                return;
            }
            if (s.newConversation()) {
                conversations.create(actor.userId(), s.conversation());
                for (ModelMessage h : history) {
                    messages.insert(actor, id, MessageRepository.NewMessage.of(h.role(), h.content()));
                }
            }
            messages.insertUserTurn(actor, id, s.contextKey(),
                    MessageRepository.NewMessage.of("user", s.request().message()));
        });
    }

    @Override
    public void destroy() {
        writers.close();
    }
}
