package ownpilot.gateway.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import ownpilot.gateway.shared.JsonFields;
import ownpilot.gateway.shared.Paging;
import ownpilot.gateway.shared.QueryParams;
import tools.jackson.databind.JsonNode;

/**
 * Stored conversations: the history list, one conversation with its messages, archive and delete;
 * and the spec's "in-memory" conversation routes, served from the same store.
 */
@RestController
@RequestMapping("/api/v1/chat")
class ChatHistoryController {

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
    Map<String, Object> history(@RequestParam Map<String, String> params) {
        QueryParams q = new QueryParams(params);
        Paging paging = q.paging(50);
        String search = q.text("search");
        String agentId = q.text("agentId");
        boolean archived = Boolean.TRUE.equals(q.bool("archived"));
        String userId = user.id();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("conversations", conversations.list(userId, search, agentId, archived, paging.limit(),
                paging.offset()).stream().map(ConversationRepository::view).toList());
        out.put("total", conversations.count(userId, search, agentId, archived));
        out.put("limit", paging.limit());
        out.put("offset", paging.offset());
        return out;
    }

    @GetMapping("/history/{id}")
    Map<String, Object> conversation(@PathVariable String id, @RequestParam Map<String, String> params) {
        Paging paging = new QueryParams(params).paging(MAX_MESSAGES);
        ConversationRepository.Conversation c = find(id);
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> view = ConversationRepository.view(c);
        view.put("systemPrompt", c.systemPrompt());
        out.put("conversation", view);
        out.put("messages", messages.list(user.id(), id, paging.limit(), paging.offset()));
        return out;
    }

    @DeleteMapping({"/history/{id}", "/conversations/{id}"})
    Map<String, Object> delete(@PathVariable String id) {
        Runnable unlock = locks.acquire(id);
        try {
            if (!conversations.delete(user.id(), id)) {
                throw notFound(id);
            }
        } finally {
            unlock.run();
        }
        return Map.of("deleted", true);
    }

    @PatchMapping("/history/{id}/archive")
    Map<String, Object> archive(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        JsonFields in = JsonFields.of(body).allow(Set.of("archived"));
        if (!in.has("archived")) {
            in.problem("archived", "is required");
        }
        boolean archived = in.bool("archived", false);
        in.check();
        if (!conversations.archive(user.id(), id, archived)) {
            throw notFound(id);
        }
        return Map.of("archived", archived);
    }

    /** The conversation as the model sees it: tool results folded into the assistant turn that asked for them. */
    @GetMapping("/conversations/{id}")
    Map<String, Object> live(@PathVariable String id) {
        ConversationRepository.Conversation c = find(id);
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Object> lastAssistant = null;
        for (Map<String, Object> m : messages.list(user.id(), id, MAX_MESSAGES, 0)) {
            if (m.get("role").equals("tool") && lastAssistant != null) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> results = (List<Map<String, Object>>) lastAssistant.get("toolResults");
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("toolCallId", m.get("toolCallId"));
                r.put("name", m.get("toolName"));
                r.put("content", m.get("content"));
                r.put("isError", m.get("isError"));
                results.add(r);
                continue;
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("role", m.get("role"));
            v.put("content", m.get("content"));
            v.put("toolCalls", m.get("toolCalls"));
            v.put("toolResults", new ArrayList<Map<String, Object>>());
            out.add(v);
            lastAssistant = m.get("role").equals("assistant") ? v : null;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", c.id());
        view.put("systemPrompt", c.systemPrompt());
        view.put("messages", out);
        view.put("createdAt", c.createdAt());
        view.put("updatedAt", c.updatedAt());
        return view;
    }

    private ConversationRepository.Conversation find(String id) {
        return conversations.find(user.id(), id).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "CONVERSATION_NOT_FOUND", "Conversation not found: " + id);
    }
}
