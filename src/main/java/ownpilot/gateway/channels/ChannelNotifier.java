package ownpilot.gateway.channels;

import org.springframework.stereotype.Service;

/**
 * Sends a message to a channel's chat for another module (a trigger's {@code notification} action
 * with a {@code channelId}). Failures are {@link ownpilot.gateway.shared.ApiException}s: 404 for an
 * unknown channel, 502/503 when the platform refuses or cannot be reached.
 */
@Service
public class ChannelNotifier {

    private final ChannelReplies replies;

    ChannelNotifier(ChannelReplies replies) {
        this.replies = replies;
    }

    /** {@code chatId} null: the chat that wrote to the channel last. Returns the stored outbound message's id. */
    public String notify(String userId, String channelId, String chatId, String text) {
        return replies.notify(userId, channelId, chatId, text).messageId();
    }
}
