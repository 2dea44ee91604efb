package ownpilot.gateway.channels;

import tools.jackson.databind.node.ObjectNode;

/**
 * A message as it arrived on a platform, normalised. {@code externalId} is the platform's delivery key
 * (a retry carries the same one); {@code platformId} the message's own id to reply to; {@code scope}
 * the Slack workspace or Discord guild; {@code replyToken} a short-lived credential to answer with
 * (a Discord interaction's token), never shown.
 */
record Inbound(String externalId, String platformId, String chatId, String threadId, String senderId,
        String senderName, String content, String scope, boolean direct, ObjectNode metadata, String replyToken) {}
