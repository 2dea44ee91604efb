package ownpilot.gateway.chat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.SqlValues;

/** Conversations and the pointer from each chat context to its current conversation. */
@Repository
class ConversationRepository {

    record Conversation(String id, String title, String agentId, String agentName, String provider, String model,
            String systemPrompt, int messageCount, boolean isArchived, String createdAt, String updatedAt) {}

    private final JdbcClient jdbc;

    ConversationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Conversation create(String userId, Conversation c) {
        return jdbc.sql("""
                INSERT INTO conversations (id, user_id, title, agent_id, agent_name, provider, model, system_prompt)
                VALUES (:id, :user, :title, :agentId, :agentName, :provider, :model, :prompt) RETURNING *""")
                .param("id", c.id()).param("user", userId).param("title", c.title()).param("agentId", c.agentId())
                .param("agentName", c.agentName()).param("provider", c.provider()).param("model", c.model())
                .param("prompt", c.systemPrompt()).query((rs, n) -> map(rs)).single();
    }

    /**
     * A new conversation with its first (user) message, made the context's current one: one round
     * trip, as it runs while the model is answering.
     */
    void createWithFirstMessage(Actor actor, Conversation c, String contextKey, String messageId, String content) {
        String userId = actor.userId();
        jdbc.sql("""
                WITH conversation AS (
                    INSERT INTO conversations (id, user_id, title, agent_id, agent_name, provider, model, system_prompt)
                    VALUES (:id, :user, :title, :agentId, :agentName, :provider, :model, :prompt) RETURNING id),
                message AS (
                    INSERT INTO messages (id, conversation_id, user_id, role, content, actor_type, actor_id,
                        correlation_id)
                    SELECT :messageId, id, :user, 'user', :content, :actorType, :actorId, :correlation
                    FROM conversation RETURNING conversation_id)
                INSERT INTO chat_contexts (user_id, context_key, conversation_id)
                SELECT :user, :key, conversation_id FROM message
                ON CONFLICT (user_id, context_key) DO UPDATE SET conversation_id = EXCLUDED.conversation_id,
                    updated_at = now()""")
                .param("id", c.id()).param("user", userId).param("title", c.title()).param("agentId", c.agentId())
                .param("agentName", c.agentName()).param("provider", c.provider()).param("model", c.model())
                .param("prompt", c.systemPrompt()).param("messageId", messageId).param("content", content)
                .param("key", contextKey).param("actorType", actor.typeName()).param("actorId", actor.id())
                .param("correlation", actor.correlationId()).update();
    }

    Optional<Conversation> find(String userId, String id) {
        return jdbc.sql("SELECT * FROM conversations WHERE user_id = :user AND id = :id")
                .param("user", userId).param("id", id).query((rs, n) -> map(rs)).optional();
    }

    /** After a run: the model that answered last, and the new message count. */
    void touch(String userId, String id, String provider, String model) {
        jdbc.sql("""
                UPDATE conversations SET provider = :provider, model = :model, updated_at = now(),
                    message_count = (SELECT count(*) FROM messages WHERE conversation_id = :id)
                WHERE user_id = :user AND id = :id""")
                .param("provider", provider).param("model", model).param("user", userId).param("id", id).update();
    }

    List<Conversation> list(String userId, String search, String agentId, boolean archived, int limit, int offset) {
        return jdbc.sql("SELECT * FROM conversations" + where(search, agentId)
                        + " ORDER BY updated_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params(userId, search, agentId, archived)).param("limit", limit).param("offset", offset)
                .query((rs, n) -> map(rs)).list();
    }

    long count(String userId, String search, String agentId, boolean archived) {
        return jdbc.sql("SELECT count(*) FROM conversations" + where(search, agentId))
                .params(params(userId, search, agentId, archived)).query(Long.class).single();
    }

    boolean delete(String userId, String id) {
        jdbc.sql("DELETE FROM chat_contexts WHERE user_id = :user AND conversation_id = :id")
                .param("user", userId).param("id", id).update();
        return jdbc.sql("DELETE FROM conversations WHERE user_id = :user AND id = :id")
                .param("user", userId).param("id", id).update() > 0;
    }

    boolean archive(String userId, String id, boolean archived) {
        return jdbc.sql("UPDATE conversations SET is_archived = :archived, updated_at = now() "
                        + "WHERE user_id = :user AND id = :id")
                .param("archived", archived).param("user", userId).param("id", id).update() > 0;
    }

    Optional<String> current(String userId, String contextKey) {
        return jdbc.sql("SELECT conversation_id FROM chat_contexts WHERE user_id = :user AND context_key = :key")
                .param("user", userId).param("key", contextKey).query(String.class).optional();
    }

    boolean clearCurrent(String userId, String contextKey) {
        return jdbc.sql("DELETE FROM chat_contexts WHERE user_id = :user AND context_key = :key")
                .param("user", userId).param("key", contextKey).update() > 0;
    }

    int clearAllCurrent(String userId) {
        return jdbc.sql("DELETE FROM chat_contexts WHERE user_id = :user").param("user", userId).update();
    }

    /** A conversation in the history list. */
    record Summary(String id, String title, String agentId, String agentName, String provider, String model,
            int messageCount, boolean isArchived, String createdAt, String updatedAt) {}

    /** One conversation: its summary and system prompt. */
    record Detail(@com.fasterxml.jackson.annotation.JsonUnwrapped Summary summary, String systemPrompt) {}

    static Summary view(Conversation c) {
        return new Summary(c.id(), c.title(), c.agentId(), c.agentName(), c.provider(), c.model(), c.messageCount(),
                c.isArchived(), c.createdAt(), c.updatedAt());
    }

    private static String where(String search, String agentId) {
        return " WHERE user_id = :user AND is_archived = :archived"
                + (search == null ? "" : " AND (title ILIKE :search OR agent_name ILIKE :search)")
                + (agentId == null ? "" : " AND agent_id = :agentId");
    }

    private static Map<String, Object> params(String userId, String search, String agentId, boolean archived) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("user", userId);
        p.put("archived", archived);
        if (search != null) {
            p.put("search", SqlValues.containsPattern(search));
        }
        if (agentId != null) {
            p.put("agentId", agentId);
        }
        return p;
    }

    private static Conversation map(ResultSet rs) throws SQLException {
        return new Conversation(rs.getString("id"), rs.getString("title"), rs.getString("agent_id"),
                rs.getString("agent_name"), rs.getString("provider"), rs.getString("model"),
                rs.getString("system_prompt"), rs.getInt("message_count"), rs.getBoolean("is_archived"),
                SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "updated_at"));
    }
}
