package ownpilot.gateway.chat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.Ids;
import ownpilot.gateway.shared.SqlValues;
import ownpilot.gateway.shared.records.RawJson;

/** The messages of conversations, in the order they were written. */
@Repository
class MessageRepository {

    /** A message to store; JSON fields are JSON text. */
    record NewMessage(String id, String role, String content, String provider, String model, String toolCallsJson,
            String toolCallId, String toolName, String traceJson, boolean isError, boolean isPartial,
            Integer inputTokens, Integer outputTokens) {

        static NewMessage of(String role, String content) {
            return new NewMessage(Ids.uuid(), role, content, null, null, null, null, null, null, false, false, null,
                    null);
        }
    }

    /** A stored message as the model context needs it. */
    record Stored(String role, String content, String toolCallsJson, String toolCallId, String toolName,
            boolean isError) {}

    private final JdbcClient jdbc;

    MessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a message written in the course of the actor's action. */
    void insert(Actor actor, String conversationId, NewMessage m) {
        jdbc.sql("""
                INSERT INTO messages (id, conversation_id, user_id, role, content, provider, model, tool_calls,
                    tool_call_id, tool_name, trace, is_error, is_partial, input_tokens, output_tokens, actor_type,
                    actor_id, correlation_id)
                VALUES (:id, :conversation, :user, :role, :content, :provider, :model, CAST(:toolCalls AS jsonb),
                    :toolCallId, :toolName, CAST(:trace AS jsonb), :isError, :isPartial, :in, :out, :actorType,
                    :actorId, :correlation)""")
                .param("id", m.id()).param("conversation", conversationId).param("user", actor.userId())
                .param("actorType", actor.typeName()).param("actorId", actor.id())
                .param("correlation", actor.correlationId())
                .param("role", m.role()).param("content", m.content() == null ? "" : m.content())
                .param("provider", m.provider()).param("model", m.model()).param("toolCalls", m.toolCallsJson())
                .param("toolCallId", m.toolCallId()).param("toolName", m.toolName()).param("trace", m.traceJson())
                .param("isError", m.isError()).param("isPartial", m.isPartial()).param("in", m.inputTokens())
                .param("out", m.outputTokens()).update();
    }

    /**
     * Stores the user's message and makes its conversation the chat context's current one, in one
     * round trip: this is on the path to the first streamed token.
     */
    void insertUserTurn(Actor actor, String conversationId, String contextKey, NewMessage m) {
        jdbc.sql("""
                WITH message AS (
                    INSERT INTO messages (id, conversation_id, user_id, role, content, actor_type, actor_id,
                        correlation_id)
                    VALUES (:id, :conversation, :user, 'user', :content, :actorType, :actorId, :correlation)
                    RETURNING conversation_id)
                INSERT INTO chat_contexts (user_id, context_key, conversation_id)
                SELECT :user, :key, conversation_id FROM message
                ON CONFLICT (user_id, context_key) DO UPDATE SET conversation_id = EXCLUDED.conversation_id,
                    updated_at = now()""")
                .param("id", m.id()).param("conversation", conversationId).param("user", actor.userId())
                .param("content", m.content()).param("key", contextKey).param("actorType", actor.typeName())
                .param("actorId", actor.id()).param("correlation", actor.correlationId()).update();
    }

    /** The newest {@code max} messages, oldest first: the context a resumed conversation starts from. */
    List<Stored> recent(String userId, String conversationId, int max) {
        List<Stored> newestFirst = jdbc.sql("""
                SELECT role, content, tool_calls, tool_call_id, tool_name, is_error FROM messages
                WHERE user_id = :user AND conversation_id = :conversation ORDER BY seq DESC LIMIT :max""")
                .param("user", userId).param("conversation", conversationId).param("max", max)
                .query((rs, n) -> new Stored(rs.getString("role"), rs.getString("content"),
                        rs.getString("tool_calls"), rs.getString("tool_call_id"), rs.getString("tool_name"),
                        rs.getBoolean("is_error")))
                .list();
        return newestFirst.reversed();
    }

    /** A stored message; token counts are null where the turn had none. */
    record StoredMessage(String id, String role, String content, String provider, String model, RawJson toolCalls,
            String toolCallId, String toolName, RawJson trace, boolean isError, boolean isPartial, Integer inputTokens,
            Integer outputTokens, String actorType, String actorId, String correlationId, String createdAt) {}

    List<StoredMessage> list(String userId, String conversationId, int limit, int offset) {
        return jdbc.sql("""
                SELECT * FROM messages WHERE user_id = :user AND conversation_id = :conversation
                ORDER BY seq LIMIT :limit OFFSET :offset""")
                .param("user", userId).param("conversation", conversationId).param("limit", limit)
                .param("offset", offset).query((rs, n) -> view(rs)).list();
    }

    private static StoredMessage view(ResultSet rs) throws SQLException {
        return new StoredMessage(rs.getString("id"), rs.getString("role"), rs.getString("content"),
                rs.getString("provider"), rs.getString("model"), RawJson.ofNullable(rs.getString("tool_calls")),
                rs.getString("tool_call_id"), rs.getString("tool_name"), RawJson.ofNullable(rs.getString("trace")),
                rs.getBoolean("is_error"), rs.getBoolean("is_partial"), SqlValues.nullableInt(rs, "input_tokens"),
                SqlValues.nullableInt(rs, "output_tokens"), rs.getString("actor_type"), rs.getString("actor_id"),
                rs.getString("correlation_id"), SqlValues.instant(rs, "created_at"));
    }
}
