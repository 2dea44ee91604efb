package ownpilot.gateway.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.Deleted;
import ownpilot.gateway.shared.JsonFields;
import ownpilot.gateway.shared.Paging;
import ownpilot.gateway.shared.QueryParams;
import ownpilot.gateway.shared.records.RawJson;
import tools.jackson.databind.JsonNode;

/**
 * Stored conversations: the history list, one conversation with its messages, archive and delete;
 * and the spec's "in-memory" conversation routes, served from the same store.
 */
@RestController
@RequestMapping("/api/v1/chat")
class ChatHistoryController {

    record History(List<ConversationRepository.Summary> conversations, long total, int limit, int offset) {}

    record WithMessages(ConversationRepository.Detail conversation, List<MessageRepository.StoredMessage> messages) {}

    record Archived(boolean archived) {}

    record ToolResultView(String toolCallId, String name, String content, boolean isError) {}

    /** A turn as the model sees it, with the results of the tool calls it made. */
    record LiveMessage(String role, String content, RawJson toolCalls, List<ToolResultView> toolResults) {}

    record LiveConversation(String id, String systemPrompt, List<LiveMessage> messages, String createdAt,
            String updatedAt) {}

    private static final int MAX_MESSAGES = 1000;

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ConversationLocks locks;
    private final CurrentUser user;

    ChatHistoryController(ConversationRepository conversations, MessageRepository messages, ConversationLocks locks,
            CurrentUser user) {
        this.conversations = conversations;
        this.messages = messages;
        this.locks = locks;
        this.user = user;
    }

    @GetMapping("/history")
    History history(@RequestParam Map<String, String> params) {
        QueryParams q = new QueryParams(params);
        Paging paging = q.paging(50);
        String search = q.text("search");
        String agentId = q.text("agentId");
        boolean archived = Boolean.TRUE.equals(q.bool("archived"));
        String userId = user.id();
        return new History(conversations.list(userId, search, agentId, archived, paging.limit(), paging.offset())
                .stream().map(ConversationRepository::view).toList(),
                conversations.count(userId, search, agentId, archived), paging.limit(), paging.offset());
    }

    @GetMapping("/history/{id}")
    WithMessages conversation(@PathVariable String id, @RequestParam Map<String, String> params) {
        Paging paging = new QueryParams(params).paging(MAX_MESSAGES);
        ConversationRepository.Conversation c = find(id);
        return new WithMessages(new ConversationRepository.Detail(ConversationRepository.view(c), c.systemPrompt()),
                messages.list(user.id(), id, paging.limit(), paging.offset()));
    }

    @DeleteMapping({"/history/{id}", "/conversations/{id}"})
    Deleted delete(@PathVariable String id) {
        Runnable unlock = locks.acquire(id);
        try {
            if (!conversations.delete(user.id(), id)) {
                throw notFound(id);
            }
        } finally {
            unlock.run();
        }
        return Deleted.of(id);
    }

    @PatchMapping("/history/{id}/archive")
    Archived archive(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        JsonFields in = JsonFields.of(body).allow(Set.of("archived"));
        if (!in.has("archived")) {
            in.problem("archived", "is required");
        }
        boolean archived = in.bool("archived", false);
        in.check();
        if (!conversations.archive(user.id(), id, archived)) {
            throw notFound(id);
        }
        return new Archived(archived);
    }

    /** The conversation as the model sees it: tool results folded into the assistant turn that asked for them. */
    @GetMapping("/conversations/{id}")
    LiveConversation live(@PathVariable String id) {
        ConversationRepository.Conversation c = find(id);
        List<LiveMessage> out = new ArrayList<>();
        LiveMessage lastAssistant = null;
        for (MessageRepository.StoredMessage m : messages.list(user.id(), id, MAX_MESSAGES, 0)) {
            if (m.role().equals("tool") && lastAssistant != null) {
                lastAssistant.toolResults().add(new ToolResultView(m.toolCallId(), m.toolName(), m.content(),
                        m.isError()));
                continue;
            }
            LiveMessage v = new LiveMessage(m.role(), m.content(), m.toolCalls(), new ArrayList<>());
            out.add(v);
            lastAssistant = m.role().equals("assistant") ? v : null;
        }
        return new LiveConversation(c.id(), c.systemPrompt(), out, c.createdAt(), c.updatedAt());
    }

    private ConversationRepository.Conversation find(String id) {
        return conversations.find(user.id(), id).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "CONVERSATION_NOT_FOUND", "Conversation not found: " + id);
    }
}
