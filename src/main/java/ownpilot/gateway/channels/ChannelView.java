package ownpilot.gateway.channels;

import java.util.Map;
import ownpilot.gateway.shared.records.RawJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * A channel as every response shows it: the shown config with each credential masked, the bot's
 * identity from the last connect ({@code botInfo.username} is what the web UI reads), where the
 * platform must deliver (the webhook path, and the full URL when the gateway's public address is set).
 */
record ChannelView(String id, String type, String name, String status, String lastError, String agentId,
        String mode, RawJson config, RawJson botInfo, String webhookPath, String webhookUrl, String createdAt,
        String updatedAt, String connectedAt, String lastActivityAt) {

    static String webhookPath(String channelId) {
        return "/api/v1/channels/" + channelId + "/webhook";
    }

    static ChannelView of(Channel c, Map<String, String> secrets, ChannelsProperties settings) {
        ObjectNode shown = c.config().deepCopy();
        ChannelSecrets.masked(secrets).forEach(shown::put);
        return new ChannelView(c.id(), c.type(), c.name(), c.status(), c.lastError(), c.agentId(), c.mode(),
                new RawJson(shown.toString()), c.botInfo() == null ? null : new RawJson(c.botInfo().toString()), webhookPath(c.id()), settings.webhookUrl(c.id()), c.createdAt(), c.updatedAt(),
                c.connectedAt(), c.lastActivityAt());
    }
}
