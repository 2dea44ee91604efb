package ownpilot.gateway.shared.records;

/** How a field is represented in JSON and stored in PostgreSQL. */
public enum FieldType {
    /** JSON string, {@code text} column. */
    TEXT,
    /** JSON boolean, {@code boolean} column. */
    BOOLEAN,
    /** JSON integer, {@code integer} column. */
    INTEGER,
    /** ISO-8601 date-time with offset, {@code timestamptz} column, rendered in UTC. */
    TIMESTAMP,
    /** {@code YYYY-MM-DD}, {@code date} column. */
    DATE,
    /** {@code HH:mm} or {@code HH:mm:ss}, {@code time} column. */
    TIME,
    /** JSON array of strings, {@code jsonb} column. */
    STRING_LIST,
    /** JSON object of string values, {@code jsonb} column. */
    STRING_MAP
}
