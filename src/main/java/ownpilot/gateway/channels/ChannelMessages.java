package ownpilot.gateway.channels;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ownpilot.gateway.shared.Ids;
import ownpilot.gateway.shared.SqlValues;
import ownpilot.gateway.shared.records.RawJson;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The messages in and out of every channel: an inbound one stored once per delivery key, the inbox
 * queries, the claim that lets one worker answer a message once, and the conversation of each chat.
 */
@Repository
class ChannelMessages {

    private static final String SELECT = "SELECT m.*, c.type AS channel_type FROM channel_messages m "
            + "JOIN channels c ON c.id = m.channel_id ";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ChannelMessages(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The stored message, or empty when this delivery key was stored before (a retry or a duplicate). */
    Optional<ChannelMessage> insertInbound(Channel channel, Inbound m, boolean allowed) {
        return insert(channel, "inbound", m.externalId(), m.platformId(), m.chatId(), m.threadId(), m.senderId(),
                m.senderName(), m.content(), null, allowed ? "allowed" : "blocked", m.metadata(), m.replyToken());
    }

    ChannelMessage insertOutbound(Channel channel, Outgoing out, String platformId, String replyTo, String text,
            ObjectNode metadata) {
        return insert(channel, "outbound", Ids.prefixed("out"), platformId, out.chatId(), out.threadId(), "assistant",
                "Assistant", text, replyTo, "sent", metadata, null).orElseThrow();
    }

    private Optional<ChannelMessage> insert(Channel channel, String direction, String externalId, String platformId,
            String chatId, String threadId, String senderId, String senderName, String content, String replyTo,
            String status, ObjectNode metadata, String replyToken) {
        ObjectNode meta = metadata.deepCopy().put("chatId", chatId);
        if (threadId != null) {
            meta.put("threadId", threadId);
        }
        return jdbc.sql("""
                INSERT INTO channel_messages (id, channel_id, user_id, direction, external_id, platform_id, chat_id,
                    thread_id, sender_id, sender_name, content, reply_to_id, status, read, replied, metadata, reply_token)
                VALUES (:id, :channel, :user, :direction, :external, :platform, :chat, :thread, :sender, :senderName,
                    :content, :replyTo, :status, :outbound, :outbound, CAST(:metadata AS jsonb), :token)
                ON CONFLICT (channel_id, direction, external_id) DO NOTHING
                RETURNING *, CAST(:type AS text) AS channel_type""")
                .param("id", Ids.prefixed("msg")).param("channel", channel.id()).param("user", channel.userId())
                .param("direction", direction).param("external", externalId).param("platform", platformId)
                .param("chat", chatId).param("thread", threadId).param("sender", senderId)
                .param("senderName", senderName).param("content", content).param("replyTo", replyTo)
                .param("status", status).param("outbound", direction.equals("outbound"))
                .param("metadata", json.writeValueAsString(meta)).param("token", replyToken)
                .param("type", channel.type()).query((rs, n) -> row(rs)).optional();
    }

    Optional<ChannelMessage> find(String userId, String id) {
        return jdbc.sql(SELECT + "WHERE m.user_id = :user AND m.id = :id").param("user", userId).param("id", id)
                .query((rs, n) -> row(rs)).optional();
    }

    Optional<ChannelMessage> findAnyUser(String id) {
        return jdbc.sql(SELECT + "WHERE m.id = :id").param("id", id).query((rs, n) -> row(rs)).optional();
    }

    /** {@code filter}: all, unread (inbound not read) or unanswered (allowed inbound with no reply yet). */
    List<ChannelMessage> inbox(String userId, String filter, String channelType, String channelId, int limit) {
        return jdbc.sql(SELECT + "WHERE m.user_id = :user" + where(filter)
                        + " ORDER BY m.created_at DESC, m.id DESC LIMIT :limit")
                .param("user", userId).param("type", channelType).param("channel", channelId).param("limit", limit)
                .query((rs, n) -> row(rs)).list();
    }

    long count(String userId, String filter, String channelType, String channelId) {
        return jdbc.sql("SELECT count(*) FROM channel_messages m JOIN channels c ON c.id = m.channel_id "
                        + "WHERE m.user_id = :user" + where(filter))
                .param("user", userId).param("type", channelType).param("channel", channelId)
                .query(Long.class).single();
    }

    private static String where(String filter) {
        String common = " AND (CAST(:type AS text) IS NULL OR c.type = :type)"
                + " AND (CAST(:channel AS text) IS NULL OR m.channel_id = :channel)";
        return common + switch (filter) {
            case "unread" -> " AND m.direction = 'inbound' AND NOT m.read";
            case "unanswered" -> " AND m.direction = 'inbound' AND m.status = 'allowed' AND NOT m.replied";
            default -> "";
        };
    }

    boolean markRead(String userId, String id) {
        return jdbc.sql("UPDATE channel_messages SET read = true WHERE user_id = :user AND id = :id")
                .param("user", userId).param("id", id).update() > 0;
    }

    void markReplied(String id) {
        jdbc.sql("UPDATE channel_messages SET replied = true WHERE id = :id").param("id", id).update();
    }

    /** True for the one caller that may answer this message automatically. */
    boolean claimAnswer(String id) {
        return jdbc.sql("UPDATE channel_messages SET answer_state = 'claimed' WHERE id = :id AND answer_state IS NULL")
                .param("id", id).update() == 1;
    }

    void unclaim(String id) {
        jdbc.sql("UPDATE channel_messages SET answer_state = NULL WHERE id = :id AND answer_state = 'claimed'")
                .param("id", id).update();
    }

    void answerState(String id, String state, String conversationId) {
        jdbc.sql("UPDATE channel_messages SET answer_state = :state, conversation_id = coalesce(:conversation, conversation_id) "
                + "WHERE id = :id").param("id", id).param("state", state).param("conversation", conversationId).update();
    }

    /** The chat of the newest inbound message, for a send that names none. */
    Optional<String> latestChat(String channelId) {
        return jdbc.sql("SELECT chat_id FROM channel_messages WHERE channel_id = :channel AND direction = 'inbound' "
                + "ORDER BY created_at DESC LIMIT 1").param("channel", channelId).query(String.class).optional();
    }

    /** The conversation of a chat or thread, the same one for every caller (the first to ask creates it). */
    String conversationOf(String channelId, String chatKey) {
        jdbc.sql("INSERT INTO channel_conversations (channel_id, chat_key, conversation_id) VALUES (:channel, :key, :id) "
                + "ON CONFLICT DO NOTHING").param("channel", channelId).param("key", chatKey).param("id", Ids.uuid()).update();
        return jdbc.sql("SELECT conversation_id FROM channel_conversations WHERE channel_id = :channel AND chat_key = :key")
                .param("channel", channelId).param("key", chatKey).query(String.class).single();
    }

    private static ChannelMessage row(ResultSet rs) throws SQLException {
        return new ChannelMessage(rs.getString("id"), rs.getString("channel_id"), rs.getString("channel_type"),
                rs.getString("direction"), new ChannelMessage.Sender(rs.getString("sender_id"), rs.getString("sender_name"),
                        null), rs.getString("content"), SqlValues.instant(rs, "created_at"), rs.getBoolean("read"),
                rs.getBoolean("replied"), rs.getString("status"), "blocked".equals(rs.getString("status")),
                rs.getString("reply_to_id"), rs.getString("conversation_id"), RawJson.ofNullable(rs.getString("metadata")),
                rs.getString("user_id"), rs.getString("platform_id"), rs.getString("chat_id"), rs.getString("thread_id"),
                rs.getString("reply_token"));
    }
}
