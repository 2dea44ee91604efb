package ownpilot.gateway.chat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.ApiException;

/**
 * One run at a time per conversation in this process, so two requests cannot interleave their
 * messages: the second gets 409 {@code CONVERSATION_BUSY} until the first ends.
 */
@Component
class ConversationLocks {

    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    /** True while a run holds the conversation (including one whose first write is still under way). */
    boolean isBusy(String conversationId) {
        return busy.contains(conversationId);
    }

    /** Takes the conversation; the returned handle gives it back. */
    Runnable acquire(String conversationId) {
        if (!busy.add(conversationId)) {
            throw busy(conversationId);
        }
        return () -> busy.remove(conversationId);
    }

    static ApiException busy(String conversationId) {
        return new ApiException(HttpStatus.CONFLICT, "CONVERSATION_BUSY",
                "A reply is still being generated in conversation " + conversationId + "; try again when it ends");
    }
}
