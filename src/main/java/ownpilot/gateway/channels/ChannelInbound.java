package ownpilot.gateway.channels;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.DomainEvents;

/**
 * Where every inbound message lands, from a webhook or a long poll: stored once per delivery key, as
 * allowed or blocked, and for an allowed one a {@link ChannelMessageReceived} stored with it in the
 * durable event registry, so its answer survives a crash and a duplicate delivery adds nothing.
 */
@Component
class ChannelInbound {

    /** What became of one message: stored (or a duplicate of one stored before), and whether its sender is allowed. */
    record Accepted(Optional<ChannelMessage> stored, boolean allowed) {}

    static final int MAX_CONTENT = 20_000;

    private final ChannelMessages messages;
    private final ChannelRepository channels;
    private final DomainEvents events;

    ChannelInbound(ChannelMessages messages, ChannelRepository channels, DomainEvents events) {
        this.messages = messages;
        this.channels = channels;
        this.events = events;
    }

    @Transactional
    Accepted accept(Channel channel, Inbound m) {
        boolean allowed = ChannelAccess.allowed(channel, m);
        Inbound clipped = m.content().length() <= MAX_CONTENT ? m : new Inbound(m.externalId(), m.platformId(),
                m.chatId(), m.threadId(), m.senderId(), m.senderName(), m.content().substring(0, MAX_CONTENT),
                m.scope(), m.direct(), m.metadata(), m.replyToken());
        Optional<ChannelMessage> stored = messages.insertInbound(channel, clipped, allowed);
        stored.ifPresent(s -> {
            channels.touched(channel.id());
            if (allowed) {
                Actor actor = new Actor(channel.userId(), Actor.Type.channel, channel.id(), s.id());
                events.publish(new ChannelMessageReceived(actor, channel.id(), channel.type(), s.id(), s.chatId(),
                        m.senderId(), m.senderName(), clipped.content()));
            }
        });
        return new Accepted(stored, allowed);
    }
}
