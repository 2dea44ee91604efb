package ownpilot.gateway.chat;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ownpilot.gateway.database.DatabaseWork;
import ownpilot.gateway.llm.ModelMessage;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.Ids;

/**
 * Stores the start of a turn (a new conversation, its seed history, the user's message and the
 * context pointer) on the run's thread once the model request is on its way, so the writes overlap
 * the provider's thinking instead of delaying the request. They run on the run's own thread, not a
 * new one: starting a thread costs a wake-up of another core, which on a small machine lands on
 * the path to the first token (bench/README.md, seventh session). Everything written later in the
 * run comes after them.
 * The end of the turn (the answer, the conversation's new count, the request logs of its model
 * calls) is one transaction: one commit instead of one per row, which is what a burst of
 * concurrent chats queues on (bench/README.md, sixth session).
 */
@Component
class TurnWriter {

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final RequestLogRepository logs;
    private final TransactionTemplate transactions;
    private final DatabaseWork work;

    TurnWriter(ConversationRepository conversations, MessageRepository messages, RequestLogRepository logs,
            TransactionTemplate transactions, DatabaseWork work) {
        this.work = work;
        this.conversations = conversations;
        this.messages = messages;
        this.logs = logs;
        this.transactions = transactions;
    }

    /**
     * The turn's first writes, run once by {@link Opening#start} or {@link Opening#await} (whichever
     * comes first), and the request logs that wait for the turn's end.
     */
    final class Opening {

        private final Runnable writes;
        private final List<RequestLogRepository.Entry> pendingLogs = new ArrayList<>();
        private boolean ran;
        private RuntimeException failure;

        private Opening(Runnable writes) {
            this.writes = writes;
        }

        /** Runs the writes now, on this thread; a failure is kept for {@link #await}, which reports it. */
        synchronized void start() {
            if (!ran) {
                ran = true;
                try {
                    writes.run();
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
        }

        /** The writes done (running them first if nothing has), or their failure thrown. */
        synchronized void await() {
            start();
            if (failure != null) {
                throw failure;
            }
        }

        /** A model call's request log, written with the turn's answer. */
        synchronized void logLater(RequestLogRepository.Entry entry) {
            pendingLogs.add(entry);
        }

        private synchronized List<RequestLogRepository.Entry> takeLogs() {
            List<RequestLogRepository.Entry> taken = List.copyOf(pendingLogs);
            pendingLogs.clear();
            return taken;
        }
    }

    /** The end of the run: its answer (or what was streamed of it), the conversation's count and the logs. */
    void close(ChatRun run, MessageRepository.NewMessage answer) {
        run.awaitOpened();
        List<RequestLogRepository.Entry> pending = run.opened().takeLogs();
        work.run(() -> transactions.executeWithoutResult(tx -> {
            messages.insert(run.actor(), run.conversationId(), answer);
            conversations.touch(run.userId(), run.conversationId(), run.provider(), run.model());
            pending.forEach(logs::insert);
        }));
    }

    /**
     * The writes that open a turn; the run starts them once the model request is on its way (or
     * before its first own write), so they overlap the provider's thinking time.
     */
    Opening open(Actor actor, ChatSetup.Setup s, List<ModelMessage> history) {
        return new Opening(() -> work.run(() -> {
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
        }));
    }
}
