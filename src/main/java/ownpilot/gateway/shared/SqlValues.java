package ownpilot.gateway.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** Reading column values the way every API response shows them. */
public final class SqlValues {

    private SqlValues() {}

    /** A {@code timestamptz} column as an ISO-8601 UTC string, or {@code null}. */
    public static String instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant().toString();
    }

    /** A LIKE/ILIKE pattern matching {@code text} anywhere, with its wildcard characters escaped. */
    /** The column as an Integer, null for SQL NULL (pgjdbc's getObject refuses some widenings). */
    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** The column as a Long, null for SQL NULL; any integer column. */
    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public static String containsPattern(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
