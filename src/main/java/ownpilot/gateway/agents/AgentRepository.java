package ownpilot.gateway.agents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import ownpilot.gateway.shared.SqlValues;
import org.springframework.stereotype.Repository;
import ownpilot.gateway.shared.Paging;
import tools.jackson.databind.json.JsonMapper;

@Repository
class AgentRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AgentRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Agent insert(String userId, Agent a) {
        return jdbc.sql("""
                INSERT INTO agents (id, user_id, name, system_prompt, provider, model, config, template_id)
                VALUES (:id, :user, :name, :prompt, :provider, :model, CAST(:config AS jsonb), :template)
                RETURNING *""")
                .param("id", a.id()).param("user", userId).param("name", a.name()).param("prompt", a.systemPrompt())
                .param("provider", a.provider()).param("model", a.model())
                .param("config", json.writeValueAsString(a.config())).param("template", a.templateId())
                .query((rs, n) -> map(rs)).single();
    }

    Optional<Agent> update(String userId, Agent a) {
        return jdbc.sql("""
                UPDATE agents SET name = :name, system_prompt = :prompt, provider = :provider, model = :model,
                    config = CAST(:config AS jsonb), updated_at = now()
                WHERE user_id = :user AND id = :id RETURNING *""")
                .param("name", a.name()).param("prompt", a.systemPrompt()).param("provider", a.provider())
                .param("model", a.model()).param("config", json.writeValueAsString(a.config()))
                .param("user", userId).param("id", a.id())
                .query((rs, n) -> map(rs)).optional();
    }

    Optional<Agent> find(String userId, String id) {
        return jdbc.sql("SELECT * FROM agents WHERE user_id = :user AND id = :id").param("user", userId)
                .param("id", id).query((rs, n) -> map(rs)).optional();
    }

    Optional<Agent> findByName(String userId, String name) {
        return jdbc.sql("SELECT * FROM agents WHERE user_id = :user AND name = :name").param("user", userId)
                .param("name", name).query((rs, n) -> map(rs)).optional();
    }

    Optional<Agent> findByTemplate(String userId, String templateId) {
        return jdbc.sql("SELECT * FROM agents WHERE user_id = :user AND template_id = :template")
                .param("user", userId).param("template", templateId).query((rs, n) -> map(rs)).optional();
    }

    List<Agent> list(String userId, Paging paging) {
        return jdbc.sql("SELECT * FROM agents WHERE user_id = :user ORDER BY lower(name), id LIMIT :limit OFFSET :offset")
                .param("user", userId).param("limit", paging.limit()).param("offset", paging.offset())
                .query((rs, n) -> map(rs)).list();
    }

    long count(String userId) {
        return jdbc.sql("SELECT count(*) FROM agents WHERE user_id = :user").param("user", userId)
                .query(Long.class).single();
    }

    boolean delete(String userId, String id) {
        return jdbc.sql("DELETE FROM agents WHERE user_id = :user AND id = :id").param("user", userId)
                .param("id", id).update() > 0;
    }

    void setConversation(String userId, String id, String conversationId) {
        jdbc.sql("UPDATE agents SET current_conversation_id = :conversation, updated_at = now() "
                        + "WHERE user_id = :user AND id = :id")
                .param("conversation", conversationId).param("user", userId).param("id", id).update();
    }

    private Agent map(ResultSet rs) throws SQLException {
        AgentConfig config = json.readValue(rs.getString("config"), AgentConfig.class);
        return new Agent(rs.getString("id"), rs.getString("name"), rs.getString("provider"), rs.getString("model"),
                rs.getString("system_prompt"), config, rs.getString("template_id"),
                rs.getString("current_conversation_id"), SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "updated_at"));
    }
}
