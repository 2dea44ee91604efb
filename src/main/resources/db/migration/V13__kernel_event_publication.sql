-- Spring Modulith's durable event publication registry (schema v2 for PostgreSQL): one row per event and
-- listener, written in the publishing transaction, completed (deleted) when the listener succeeded. The
-- library's archive table is left out: completion mode "delete" never writes to it.
CREATE TABLE IF NOT EXISTS event_publication (
    id                     uuid                     NOT NULL PRIMARY KEY,
    listener_id            text                     NOT NULL,
    event_type             text                     NOT NULL,
    serialized_event       text                     NOT NULL,
    publication_date       timestamp with time zone NOT NULL,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);
