package ownpilot.gateway.channels;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stored channel. {@code config} holds only what may be shown (allow-lists, formatting, options);
 * the credentials are sealed in {@code sealedSecrets} and opened with {@link ChannelSecrets}.
 */
record Channel(String id, String userId, String type, String name, String agentId, ObjectNode config,
        String sealedSecrets, String status, String lastError, JsonNode botInfo, String mode, long pollOffset,
        String createdAt, String updatedAt, String connectedAt, String lastActivityAt) {

    static final List<String> TYPES = List.of("telegram", "slack", "discord");
    static final List<String> STATUSES = List.of("disconnected", "connecting", "connected", "reconnecting", "error");

    boolean polling() {
        return "polling".equals(mode);
    }

    /** Telegram long polling or Slack Socket Mode: the gateway reaches out, no webhook comes in. */
    boolean receivesInBackground() {
        return "polling".equals(mode) || "socket".equals(mode);
    }

    boolean autoReply() {
        return config.path("autoReply").asBoolean(true);
    }

    String option(String field) {
        JsonNode v = config.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
