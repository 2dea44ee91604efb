-- Autonomy: per-user configuration, parked tool calls awaiting a decision, and scoped grants.
CREATE TABLE autonomy_config (
    user_id    text        PRIMARY KEY,
    config     jsonb       NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE approvals (
    id             text        PRIMARY KEY,
    user_id        text        NOT NULL,
    tool           text        NOT NULL,
    arguments      jsonb       NOT NULL,
    arguments_hash text        NOT NULL,
    risk           jsonb       NOT NULL,
    status         text        NOT NULL DEFAULT 'pending'
                   CHECK (status IN ('pending', 'approved', 'rejected', 'expired')),
    reason         text,
    actor_type     text        NOT NULL,
    actor_id       text        NOT NULL,
    correlation_id text,
    result         jsonb,
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    decided_at     timestamptz
);
CREATE INDEX approvals_user_status_idx ON approvals (user_id, status, created_at);

CREATE TABLE autonomy_grants (
    id             text        PRIMARY KEY,
    user_id        text        NOT NULL,
    tool           text        NOT NULL,
    arguments_hash text,
    approval_id    text        REFERENCES approvals (id) ON DELETE SET NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL
);
CREATE INDEX autonomy_grants_lookup_idx ON autonomy_grants (user_id, tool, expires_at);
