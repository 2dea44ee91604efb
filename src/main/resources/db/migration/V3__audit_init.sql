-- Audit trail: tool executions, approval decisions, agent and custom-tool changes.
CREATE TABLE audit_events (
    id             text        PRIMARY KEY,
    user_id        text        NOT NULL,
    type           text        NOT NULL,
    severity       text        NOT NULL CHECK (severity IN ('debug', 'info', 'warn', 'error', 'critical')),
    severity_rank  smallint    NOT NULL,
    actor_type     text        NOT NULL,
    actor_id       text        NOT NULL,
    resource_type  text        NOT NULL,
    resource_id    text        NOT NULL,
    outcome        text        NOT NULL CHECK (outcome IN ('success', 'failure')),
    details        jsonb       NOT NULL DEFAULT '{}',
    correlation_id text,
    duration_ms    integer,
    created_at     timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX audit_events_user_time_idx ON audit_events (user_id, created_at DESC);
CREATE INDEX audit_events_user_type_idx ON audit_events (user_id, type);
CREATE INDEX audit_events_correlation_idx ON audit_events (correlation_id);
