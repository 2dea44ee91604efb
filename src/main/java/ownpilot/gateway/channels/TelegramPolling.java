package ownpilot.gateway.channels;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Telegram long polling: each round asks {@code getUpdates} from the stored offset, stores each update
 * once ({@link ChannelInbound}, keyed by update id) and then moves the offset past it, so a restart
 * resumes where the last one stopped and a crash between the two repeats nothing.
 */
@Component
class TelegramPolling extends BackgroundReceiver {

    private final ChannelSecrets secrets;
    private final TelegramPlatform telegram;
    private final ChannelInbound inbound;

    TelegramPolling(ChannelRepository channels, ChannelSecrets secrets, TelegramPlatform telegram,
            ChannelInbound inbound) {
        super(channels);
        this.secrets = secrets;
        this.telegram = telegram;
        this.inbound = inbound;
    }

    @Override
    boolean handles(Channel channel) {
        return channel.type().equals("telegram") && channel.mode().equals("polling");
    }

    @Override
    void receive(Channel channel, Lease lease) throws PlatformException {
        var updates = telegram.updates(secrets.open(channel), channel.pollOffset());
        if (!channel.status().equals("connected")) {
            channels.status(channel.id(), "connected", null);
        }
        long next = channel.pollOffset();
        for (JsonNode update : updates) {
            telegram.inbound(update).ifPresent(m -> inbound.accept(channel, m));
            next = Math.max(next, update.path("update_id").asLong() + 1);
        }
        if (next > channel.pollOffset()) {
            channels.pollOffset(channel.id(), next);
        }
    }
}
