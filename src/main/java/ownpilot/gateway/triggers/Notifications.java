package ownpilot.gateway.triggers;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ownpilot.gateway.shared.DomainEvents;
import ownpilot.gateway.shared.Ids;
import ownpilot.gateway.shared.SqlValues;
import ownpilot.gateway.shared.records.RawJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Notifications a trigger raised: stored, listed, marked read; each one is pushed on {@code /ws} as it is stored. */
@Component
class Notifications {

    record Notification(String id, String source, String sourceId, String title, String message, RawJson data,
            String createdAt, String readAt) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final DomainEvents events;

    Notifications(JdbcClient jdbc, JsonMapper json, DomainEvents events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    @Transactional
    Notification notify(String userId, String source, String sourceId, String title, String message, JsonNode data) {
        Notification saved = jdbc.sql("""
                INSERT INTO notifications (id, user_id, source, source_id, title, message, data)
                VALUES (:id, :user, :source, :sourceId, :title, :message, CAST(:data AS jsonb)) RETURNING *""")
                .param("id", Ids.prefixed("notif")).param("user", userId).param("source", source)
                .param("sourceId", sourceId).param("title", title).param("message", message)
                .param("data", data == null ? "{}" : json.writeValueAsString(data)).query((rs, n) -> row(rs)).single();
        events.publish(new NotificationRaised(userId, saved.id(), source, sourceId, title, message));
        return saved;
    }

    List<Notification> list(String userId, boolean unreadOnly, int limit) {
        return jdbc.sql("SELECT * FROM notifications WHERE user_id = :user AND (NOT :unread OR read_at IS NULL) "
                + "ORDER BY created_at DESC, id DESC LIMIT :limit").param("user", userId).param("unread", unreadOnly)
                .param("limit", limit).query((rs, n) -> row(rs)).list();
    }

    boolean markRead(String userId, String id) {
        return jdbc.sql("UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE user_id = :user AND id = :id")
                .param("user", userId).param("id", id).update() > 0;
    }

    private static Notification row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Notification(rs.getString("id"), rs.getString("source"), rs.getString("source_id"),
                rs.getString("title"), rs.getString("message"), RawJson.ofNullable(rs.getString("data")),
                SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "read_at"));
    }
}
