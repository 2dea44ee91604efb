package ownpilot.gateway.channels;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A platform's delivery to {@code POST /channels/:id/webhook}: the signature or secret token is checked
 * over the raw bytes before anything is parsed, and every refusal (no such channel, no signature, a
 * bad one, a stale timestamp) is the same 401, so a stranger learns nothing. Then each message is
 * stored once ({@link ChannelInbound}) and the platform gets its answer (Slack's challenge, Discord's
 * PONG or acknowledgement, an empty 200 for Telegram).
 */
@Component
class ChannelWebhooks {

    private final ChannelRepository channels;
    private final ChannelSecrets secrets;
    private final ChannelPlatforms platforms;
    private final ChannelInbound inbound;
    private final ChannelsProperties settings;
    private final JsonMapper json;

    ChannelWebhooks(ChannelRepository channels, ChannelSecrets secrets, ChannelPlatforms platforms,
            ChannelInbound inbound, ChannelsProperties settings, JsonMapper json) {
        this.channels = channels;
        this.secrets = secrets;
        this.platforms = platforms;
        this.inbound = inbound;
        this.settings = settings;
        this.json = json;
    }

    Object deliver(String channelId, HttpHeaders headers, byte[] body) {
        Channel channel = channels.findAnyUser(channelId).orElseThrow(ChannelWebhooks::refused);
        ChannelPlatform platform = platforms.of(channel);
        Map<String, String> opened = secrets.open(channel);
        if (!platform.verified(opened, headers, body, settings.webhookWindowSeconds())) {
            throw refused();
        }
        JsonNode payload;
        try {
            payload = json.readTree(body);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("The delivery is not JSON");
        }
        if (payload == null || !payload.isObject()) {
            throw ApiException.badRequest("The delivery is not a JSON object");
        }
        Delivery delivery = platform.parse(channel, payload);
        boolean blocked = false;
        for (Inbound m : delivery.messages()) {
            blocked |= !inbound.accept(channel, m).allowed();
        }
        return blocked ? delivery.blockedResponse() : delivery.response();
    }

    private static ApiException refused() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "INVALID_SIGNATURE",
                "The delivery is not signed for this channel, or its timestamp is stale");
    }
}
