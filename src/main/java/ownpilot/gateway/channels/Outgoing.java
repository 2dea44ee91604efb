package ownpilot.gateway.channels;

/** One message to post: where (chat, thread), what it answers (the platform's message id), and the text. */
record Outgoing(String chatId, String threadId, String replyToPlatformId, String text, String replyToken) {}
