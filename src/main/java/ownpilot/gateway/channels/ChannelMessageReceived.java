package ownpilot.gateway.channels;

import ownpilot.gateway.shared.Actor;

/**
 * A message from an allowed sender was stored (published once per message, in the transaction that
 * stored it). The channel's automatic answer and {@code channel_message} event triggers listen to it.
 */
public record ChannelMessageReceived(Actor actor, String channelId, String channelType, String messageId,
        String chatId, String senderId, String senderName, String content) {}
