package ownpilot.gateway.shared;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The "how many by status / type" part of the modules' stats answers. */
public final class UserCounts {

    private UserCounts() {}

    /**
     * The user's rows of {@code table} counted by {@code column}: every one of {@code keys} in their
     * order, 0 when none has it, then any other value found. Table and column are the caller's literals.
     */
    public static Map<String, Long> by(JdbcClient jdbc, String table, String column, String userId,
            Collection<String> keys) {
        Map<String, Long> counts = new LinkedHashMap<>();
        keys.forEach(k -> counts.put(k, 0L));
        jdbc.sql("SELECT " + column + " AS k, count(*) AS n FROM " + table + " WHERE user_id = :user GROUP BY "
                        + column).param("user", userId)
                .query(rs -> {
                    counts.put(rs.getString("k"), rs.getLong("n"));
                });
        return counts;
    }
}
