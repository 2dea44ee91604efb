package ownpilot.gateway.profile;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ownpilot.gateway.shared.SqlValues;

/** Profiles as one JSON document per user. */
@Repository
class ProfileRepository {

    record Stored(String json, String updatedAt) {}

    private final JdbcClient jdbc;

    ProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(String userId) {
        return jdbc.sql("SELECT data, updated_at FROM profiles WHERE user_id = :user").param("user", userId)
                .query((rs, n) -> new Stored(rs.getString("data"), SqlValues.instant(rs, "updated_at"))).optional();
    }

    /** The stored document, locked until the transaction ends (created empty when the user has none). */
    String lock(String userId) {
        jdbc.sql("INSERT INTO profiles (user_id) VALUES (:user) ON CONFLICT DO NOTHING").param("user", userId).update();
        return jdbc.sql("SELECT data FROM profiles WHERE user_id = :user FOR UPDATE").param("user", userId)
                .query(String.class).single();
    }

    void save(String userId, String json) {
        jdbc.sql("UPDATE profiles SET data = CAST(:data AS jsonb), updated_at = now() WHERE user_id = :user")
                .param("data", json).param("user", userId).update();
    }
}
