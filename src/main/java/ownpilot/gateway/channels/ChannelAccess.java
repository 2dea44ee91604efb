package ownpilot.gateway.channels;

import tools.jackson.databind.JsonNode;

/**
 * Who may talk to a channel's bot. Closed by default: a sender is allowed when the channel allows
 * everyone ({@code allowEveryone}), or lists the sender ({@code allowedUsers}), the chat
 * ({@code allowedChats} on Telegram, {@code allowedChannels} on Slack and Discord), or the workspace or
 * guild it came from ({@code allowedWorkspaces}, {@code allowedGuilds}). A workspace or guild list also
 * fences the others: nothing from outside it is allowed. Discord direct messages need {@code allowDMs}.
 */
final class ChannelAccess {

    private ChannelAccess() {}

    static boolean allowed(Channel channel, Inbound m) {
        JsonNode c = channel.config();
        String scopeList = channel.type().equals("slack") ? "allowedWorkspaces" : "allowedGuilds";
        boolean scoped = c.path(scopeList).isArray() && !c.path(scopeList).isEmpty();
        if (scoped && m.scope() != null && !contains(c.path(scopeList), m.scope())) {
            return false;
        }
        if (channel.type().equals("discord") && m.direct() && !c.path("allowDMs").asBoolean(true)) {
            return false;
        }
        String chats = channel.type().equals("telegram") ? "allowedChats" : "allowedChannels";
        return c.path("allowEveryone").asBoolean(false) || contains(c.path("allowedUsers"), m.senderId())
                || contains(c.path(chats), m.chatId()) || (scoped && m.scope() != null);
    }

    private static boolean contains(JsonNode list, String id) {
        if (id == null || !list.isArray()) {
            return false;
        }
        for (JsonNode item : list) {
            if (item.asString().equals(id)) {
                return true;
            }
        }
        return false;
    }
}
