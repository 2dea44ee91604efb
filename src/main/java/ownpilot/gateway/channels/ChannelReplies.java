package ownpilot.gateway.channels;

import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.JsonFields;
import tools.jackson.databind.JsonNode;

/**
 * What the owner sends from the API: a reply to a stored message (spec: {@code /messages/:id/reply};
 * the web UI: {@code /:id/send} with {@code replyToId}), which goes to that message's chat and thread
 * as a reply to it, or a message to a chat named by id (by default the chat that wrote last).
 */
@Component
class ChannelReplies {

    static final int MAX_CONTENT = 20_000;
    private static final Pattern CHAT_ID = Pattern.compile("-?[A-Za-z0-9@_:-]{1,128}");
    private static final Pattern THREAD_ID = Pattern.compile("[0-9.]{1,64}");
    private static final Set<String> SEND_FIELDS = Set.of("content", "chatId", "threadId", "replyToId", "metadata",
            "attachments");

    private final ChannelService channels;
    private final ChannelMessages messages;
    private final ChannelSending sending;

    ChannelReplies(ChannelService channels, ChannelMessages messages, ChannelSending sending) {
        this.channels = channels;
        this.messages = messages;
        this.sending = sending;
    }

    ChannelSending.Sent reply(String userId, String messageId, JsonNode body) {
        JsonFields in = JsonFields.of(body).allow(Set.of("content"));
        String content = in.text("content", null, MAX_CONTENT, true);
        in.check();
        ChannelMessage original = messages.find(userId, messageId).orElseThrow(() -> ApiException.notFound("Message"));
        return replyTo(channels.get(userId, original.channelId()), original, content);
    }

    ChannelSending.Sent send(String userId, String channelId, JsonNode body) {
        JsonFields in = JsonFields.of(body).allow(SEND_FIELDS);
        String content = in.text("content", null, MAX_CONTENT, true);
        String replyToId = in.text("replyToId", null, 200, false);
        String chatId = in.text("chatId", null, 128, false);
        String threadId = in.text("threadId", null, 64, false);
        if (chatId != null && !CHAT_ID.matcher(chatId).matches()) {
            in.problem("chatId", "must be a chat id of the platform");
        }
        if (threadId != null && !THREAD_ID.matcher(threadId).matches()) {
            in.problem("threadId", "must be a thread id of the platform (digits and dots)");
        }
        if (in.has("attachments") && !in.node("attachments").isEmpty()) {
            in.problem("attachments", "are not sent by this gateway; send text");
        }
        in.check();
        Channel channel = channels.get(userId, channelId);
        if (replyToId != null) {
            ChannelMessage original = messages.find(userId, replyToId).filter(m -> m.channelId().equals(channelId))
                    .orElseThrow(() -> ApiException.validation("replyToId", "no message " + replyToId + " in this channel"));
            return replyTo(channel, original, content);
        }
        return sending.sendOrFail(channel, new Outgoing(chatOrLatest(channelId, chatId), threadId, null, content, null),
                null);
    }

    /** Sends to a chat for the gateway itself (a trigger's notification); the chat the channel heard from last by default. */
    ChannelSending.Sent notify(String userId, String channelId, String chatId, String text) {
        Channel channel = channels.get(userId, channelId);
        return sending.sendOrFail(channel, new Outgoing(chatOrLatest(channelId, chatId), null, null, text.length() > MAX_CONTENT
                ? text.substring(0, MAX_CONTENT) : text, null), null);
    }

    /** The chat named, else the one that wrote to the channel last. */
    private String chatOrLatest(String channelId, String chatId) {
        return chatId != null ? chatId : messages.latestChat(channelId).orElseThrow(() -> ApiException
                .validation("chatId", "is required: no one has written to channel " + channelId + " yet"));
    }

    private ChannelSending.Sent replyTo(Channel channel, ChannelMessage original, String content) {
        String replyTo = original.direction().equals("inbound") ? original.platformId() : null;
        return sending.sendOrFail(channel, new Outgoing(original.chatId(), original.threadId(), replyTo, content, null),
                original.id());
    }
}
