package ownpilot.gateway.channels;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ownpilot.gateway.shared.SqlValues;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The channel rows: definition, sealed credentials, connection status, the long-poll offset and the receiver's lease. */
@Repository
class ChannelRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ChannelRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** False when the id is taken (by any user: the webhook route names channels without a user). */
    boolean insert(Channel c) {
        return jdbc.sql("""
                INSERT INTO channels (id, user_id, type, name, agent_id, config, secrets, status, mode)
                VALUES (:id, :user, :type, :name, :agent, CAST(:config AS jsonb), :secrets, 'connecting', :mode)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", c.id()).param("user", c.userId()).param("type", c.type()).param("name", c.name())
                .param("agent", c.agentId()).param("config", json.writeValueAsString(c.config()))
                .param("secrets", c.sealedSecrets()).param("mode", c.mode()).update() == 1;
    }

    void update(Channel c) {
        jdbc.sql("""
                UPDATE channels SET name = :name, agent_id = :agent, config = CAST(:config AS jsonb), secrets = :secrets,
                    mode = :mode, updated_at = now() WHERE id = :id AND user_id = :user""")
                .param("id", c.id()).param("user", c.userId()).param("name", c.name()).param("agent", c.agentId())
                .param("config", json.writeValueAsString(c.config())).param("secrets", c.sealedSecrets())
                .param("mode", c.mode()).update();
    }

    Optional<Channel> find(String userId, String id) {
        return jdbc.sql("SELECT * FROM channels WHERE user_id = :user AND id = :id").param("user", userId)
                .param("id", id).query((rs, n) -> channel(rs)).optional();
    }

    /** For the webhook route and the background workers, which act for whichever user owns the channel. */
    Optional<Channel> findAnyUser(String id) {
        return jdbc.sql("SELECT * FROM channels WHERE id = :id").param("id", id).query((rs, n) -> channel(rs)).optional();
    }

    List<Channel> list(String userId) {
        return jdbc.sql("SELECT * FROM channels WHERE user_id = :user ORDER BY created_at, id").param("user", userId)
                .query((rs, n) -> channel(rs)).list();
    }

    /** The channels that receive without a webhook (Telegram long polling, Slack Socket Mode). */
    List<Channel> receivingInBackground() {
        return jdbc.sql("SELECT * FROM channels WHERE mode IN ('polling', 'socket') ORDER BY id")
                .query((rs, n) -> channel(rs)).list();
    }

    boolean delete(String userId, String id) {
        return jdbc.sql("DELETE FROM channels WHERE user_id = :user AND id = :id").param("user", userId)
                .param("id", id).update() > 0;
    }

    void status(String id, String status, String error) {
        jdbc.sql("""
                UPDATE channels SET status = :status, last_error = :error,
                    connected_at = CASE WHEN :status = 'connected' AND status <> 'connected' THEN now() ELSE connected_at END
                WHERE id = :id""").param("id", id).param("status", status).param("error", error).update();
    }

    void botInfo(String id, JsonNode botInfo) {
        jdbc.sql("UPDATE channels SET bot_info = CAST(:info AS jsonb) WHERE id = :id").param("id", id)
                .param("info", json.writeValueAsString(botInfo)).update();
    }

    void secrets(String id, String sealed) {
        jdbc.sql("UPDATE channels SET secrets = :secrets WHERE id = :id").param("id", id).param("secrets", sealed).update();
    }

    void touched(String id) {
        jdbc.sql("UPDATE channels SET last_activity_at = now() WHERE id = :id").param("id", id).update();
    }

    void pollOffset(String id, long offset) {
        jdbc.sql("UPDATE channels SET poll_offset = greatest(poll_offset, :offset) WHERE id = :id").param("id", id)
                .param("offset", offset).update();
    }

    /** Takes or renews the right to receive for this channel for {@code seconds}; one replica at a time. */
    boolean leaseReceiver(String id, String owner, int seconds) {
        return jdbc.sql("""
                UPDATE channels SET poll_owner = :owner, poll_until = now() + make_interval(secs => :seconds)
                WHERE id = :id AND mode IN ('polling', 'socket') AND (poll_owner IS NULL OR poll_owner = :owner OR poll_until < now())""")
                .param("id", id).param("owner", owner).param("seconds", seconds).update() == 1;
    }

    void releaseReceiver(String id, String owner) {
        jdbc.sql("UPDATE channels SET poll_owner = NULL, poll_until = NULL WHERE id = :id AND poll_owner = :owner")
                .param("id", id).param("owner", owner).update();
    }

    private Channel channel(ResultSet rs) throws SQLException {
        String bot = rs.getString("bot_info");
        return new Channel(rs.getString("id"), rs.getString("user_id"), rs.getString("type"), rs.getString("name"),
                rs.getString("agent_id"), (ObjectNode) json.readTree(rs.getString("config")), rs.getString("secrets"),
                rs.getString("status"), rs.getString("last_error"), bot == null ? null : json.readTree(bot),
                rs.getString("mode"), rs.getLong("poll_offset"), SqlValues.instant(rs, "created_at"),
                SqlValues.instant(rs, "updated_at"), SqlValues.instant(rs, "connected_at"),
                SqlValues.instant(rs, "last_activity_at"));
    }
}
