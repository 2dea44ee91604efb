package ownpilot.gateway.channels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.ApiException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts text to a chat through the channel's platform, in the platform's formatting and split by its
 * length limit (the first part replies to the message answered, all of them stay in its thread), and
 * stores what was sent as one outbound message. A platform that refuses the credential puts the
 * channel in {@code error}.
 */
@Component
class ChannelSending {

    record Sent(String messageId, String channelId, boolean sent, List<String> platformIds) {}

    private final ChannelPlatforms platforms;
    private final ChannelSecrets secrets;
    private final ChannelMessages messages;
    private final ChannelRepository channels;
    private final JsonMapper json;

    ChannelSending(ChannelPlatforms platforms, ChannelSecrets secrets, ChannelMessages messages,
            ChannelRepository channels, JsonMapper json) {
        this.platforms = platforms;
        this.secrets = secrets;
        this.messages = messages;
        this.channels = channels;
        this.json = json;
    }

    /** Sends, or fails as an {@link ApiException}: 503 when the platform cannot be reached, 502 when it refuses. */
    Sent sendOrFail(Channel channel, Outgoing out, String replyToMessageId) {
        try {
            return send(channel, out, replyToMessageId);
        } catch (PlatformException e) {
            throw failure(e);
        }
    }

    Sent send(Channel channel, Outgoing out, String replyToMessageId) throws PlatformException {
        ChannelPlatform platform = platforms.of(channel);
        Map<String, String> opened = secrets.open(channel);
        List<String> ids = new ArrayList<>();
        try {
            for (String part : TextChunks.split(platform.format(out.text()), platform.maxLength())) {
                ids.add(platform.send(channel, opened, new Outgoing(out.chatId(), out.threadId(), out.replyToPlatformId(),
                        part, out.replyToken()), ids.isEmpty()));
            }
        } catch (PlatformException e) {
            if (e.kind() == PlatformException.Kind.UNAUTHORIZED) {
                channels.status(channel.id(), "error", e.getMessage());
            }
            if (ids.isEmpty()) {
                throw e;
            }
        }
        var metadata = json.createObjectNode();
        metadata.set("platformIds", json.valueToTree(ids));
        ChannelMessage stored = messages.insertOutbound(channel, out, ids.getFirst(), replyToMessageId, out.text(),
                metadata);
        if (replyToMessageId != null) {
            messages.markReplied(replyToMessageId);
        }
        channels.touched(channel.id());
        return new Sent(stored.id(), channel.id(), true, ids);
    }

    static ApiException failure(PlatformException e) {
        return e.kind() == PlatformException.Kind.UNREACHABLE
                ? new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "CHANNEL_UNREACHABLE",
                        "The platform could not be reached: " + e.getMessage())
                : new ApiException(HttpStatus.BAD_GATEWAY, "SEND_FAILED", "The platform refused: " + e.getMessage());
    }
}
