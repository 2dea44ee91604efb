package ownpilot.gateway.channels;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import ownpilot.gateway.shared.records.RawJson;

/**
 * A stored message, in the shape the inbox shows (the web UI reads {@code sender.id/name},
 * {@code read}, {@code replied} and {@code metadata.chatId}). {@code status} is {@code allowed},
 * {@code blocked} (the sender is not on the allow-list: stored, never answered) or {@code sent}.
 */
record ChannelMessage(String id, String channelId, String channelType, String direction, Sender sender,
        String content, String timestamp, boolean read, boolean replied, String status, boolean blocked,
        String replyToId, String conversationId, RawJson metadata, @JsonIgnore String userId,
        @JsonIgnore String platformId, @JsonIgnore String chatId, @JsonIgnore String threadId,
        @JsonIgnore String replyToken) {

    record Sender(String id, String name, @JsonInclude(JsonInclude.Include.NON_NULL) String avatar) {}
}
