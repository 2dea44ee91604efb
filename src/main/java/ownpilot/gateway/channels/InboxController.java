package ownpilot.gateway.channels;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.Paging;
import ownpilot.gateway.shared.QueryParams;
import tools.jackson.databind.JsonNode;

/** The inbox of every channel: the stored messages in and out, marking read, and replying (spec §12). */
@RestController
@RequestMapping("/api/v1/channels/messages")
class InboxController {

    record Inbox(List<ChannelMessage> messages, long total, long unreadCount, int limit) {}

    record Read(String id, boolean read) {}

    private final ChannelMessages messages;
    private final ChannelReplies replies;
    private final CurrentUser user;

    InboxController(ChannelMessages messages, ChannelReplies replies, CurrentUser user) {
        this.messages = messages;
        this.replies = replies;
        this.user = user;
    }

    @GetMapping("/inbox")
    Inbox inbox(@RequestParam Map<String, String> params) {
        QueryParams q = new QueryParams(params);
        String filter = q.oneOf("filter", List.of("all", "unread", "unanswered"));
        filter = filter == null ? "all" : filter;
        String type = q.oneOf("channelType", Channel.TYPES);
        String channelId = q.text("channelId");
        int limit = q.integer("limit", 50, 1, Paging.MAX_LIMIT);
        String userId = user.id();
        return new Inbox(messages.inbox(userId, filter, type, channelId, limit),
                messages.count(userId, filter, type, channelId), messages.count(userId, "unread", type, channelId), limit);
    }

    @PostMapping("/{messageId}/read")
    Read read(@PathVariable String messageId) {
        if (!messages.markRead(user.id(), messageId)) {
            throw ApiException.notFound("Message");
        }
        return new Read(messageId, true);
    }

    @PostMapping("/{messageId}/reply")
    ChannelSending.Sent reply(@PathVariable String messageId, @RequestBody(required = false) JsonNode body) {
        return replies.reply(user.id(), messageId, body);
    }
}
