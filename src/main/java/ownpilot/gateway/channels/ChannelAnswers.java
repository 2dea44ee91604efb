package ownpilot.gateway.channels;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ownpilot.gateway.chat.ChatEvents;
import ownpilot.gateway.chat.ChatReply;
import ownpilot.gateway.chat.ChatSink;
import ownpilot.gateway.chat.ChatTurns;
import ownpilot.gateway.shared.ApiException;

/**
 * The automatic answer to an allowed message: a chat turn as the channel's actor
 * ({@code channel:<id>}), bound to the channel's agent, in the conversation of the message's chat or
 * thread, sent back to that chat or thread. The message is claimed first, so a replayed event or a
 * second replica never answers it twice. Messages of one chat are answered in order, one at a time. A
 * tool call that needs approval is parked and the chat is told; a failure sends a short apology.
 */
@Component
class ChannelAnswers {

    static final String APOLOGY = "Sorry, I could not answer that just now. Please try again in a moment.";
    static final String OVER_BUDGET = "Sorry, the assistant's spending limit for now is reached, so I cannot answer.";
    private static final Logger log = LoggerFactory.getLogger(ChannelAnswers.class);
    private static final int STRIPES = 64;

    private final ChannelRepository channels;
    private final ChannelMessages messages;
    private final ChannelSending sending;
    private final ChatTurns chat;
    private final ReentrantLock[] chatLocks = new ReentrantLock[STRIPES];

    ChannelAnswers(ChannelRepository channels, ChannelMessages messages, ChannelSending sending, ChatTurns chat) {
        this.channels = channels;
        this.messages = messages;
        this.sending = sending;
        this.chat = chat;
        for (int i = 0; i < STRIPES; i++) {
            chatLocks[i] = new ReentrantLock();
        }
    }

    @ApplicationModuleListener
    void on(ChannelMessageReceived e) {
        Channel channel = channels.findAnyUser(e.channelId()).orElse(null);
        ChannelMessage message = messages.findAnyUser(e.messageId()).orElse(null);
        if (channel == null || message == null || !channel.autoReply()) {
            return;
        }
        String chatKey = message.chatId() + (message.threadId() == null ? "" : ":" + message.threadId());
        ReentrantLock lock = chatLocks[Math.floorMod(chatKey.hashCode(), STRIPES)];
        lock.lock();
        try {
            if (messages.claimAnswer(message.id())) {
                answer(e, channel, message, messages.conversationOf(channel.id(), chatKey));
            }
        } finally {
            lock.unlock();
        }
    }

    private void answer(ChannelMessageReceived e, Channel channel, ChannelMessage message, String conversationId) {
        List<String> parked = new ArrayList<>();
        String text;
        String state = "answered";
        try {
            ChatReply reply = chat.run(e.actor(), ChatTurns.Turn.inThread(message.content(), channel.agentId(),
                    conversationId), new Parked(parked));
            text = reply.response() == null || reply.response().isBlank() ? "(no answer)" : reply.response();
            if (!parked.isEmpty()) {
                text += "\n\n⏸ Waiting for your approval in OwnPilot: " + String.join(", ", parked) + ".";
            }
        } catch (ApiException failure) {
            if (failure.code().equals("CONVERSATION_BUSY")) {
                messages.unclaim(message.id());
                throw failure; // the user's own chat holds this conversation: the event registry retries later
            }
            log.warn("Answer to channel message {} failed: {}", message.id(), failure.code());
            text = failure.code().equals("BUDGET_EXCEEDED") ? OVER_BUDGET : APOLOGY;
            state = "failed";
        } catch (RuntimeException failure) {
            // the message is claimed: a retried event would not answer it, so the apology goes now
            log.warn("Answer to channel message {} failed: {}", message.id(), failure.toString());
            text = APOLOGY;
            state = "failed";
        }
        try {
            sending.send(channel, new Outgoing(message.chatId(), message.threadId(), message.platformId(), text,
                    message.replyToken()), message.id());
        } catch (PlatformException failure) {
            log.warn("The answer to channel message {} could not be sent: {}", message.id(), failure.kind());
            channels.status(channel.id(), channel.status(), failure.getMessage());
            state = "failed";
        }
        messages.answerState(message.id(), state, conversationId);
    }

    /** Hears the parked tool calls of the turn, to tell the chat what waits for approval. */
    private record Parked(List<String> tools) implements ChatSink {

        @Override
        public void chunk(String delta) {}

        @Override
        public void progress(ChatEvents.Progress event) {}

        @Override
        public void autonomy(ChatEvents.Autonomy event) {
            if (!"approval_required".equals(event.type())) {
                return;
            }
            tools.add((event.toolCall() == null ? "a tool call" : event.toolCall().name())
                    + (event.approvalId() == null ? "" : " (approval " + event.approvalId() + ")"));
        }
    }
}
