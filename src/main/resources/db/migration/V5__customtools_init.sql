-- User- and LLM-written tools that run in the JavaScript sandbox.
CREATE TABLE custom_tools (
    id                text        PRIMARY KEY,
    user_id           text        NOT NULL,
    name              text        NOT NULL,
    description       text        NOT NULL,
    parameters        jsonb       NOT NULL,
    code              text        NOT NULL,
    category          text        NOT NULL DEFAULT 'Custom',
    status            text        NOT NULL CHECK (status IN ('active', 'disabled', 'pending_approval', 'rejected')),
    permissions       jsonb       NOT NULL DEFAULT '[]',
    requires_approval boolean     NOT NULL DEFAULT false,
    created_by        text        NOT NULL CHECK (created_by IN ('user', 'llm')),
    version           integer     NOT NULL DEFAULT 1,
    usage_count       integer     NOT NULL DEFAULT 0,
    last_used_at      timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (user_id, name)
);
CREATE INDEX custom_tools_user_status_idx ON custom_tools (user_id, status);
