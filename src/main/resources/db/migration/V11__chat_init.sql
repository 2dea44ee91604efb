-- Conversations, their messages (with tool calls and results), the current conversation of each
-- chat context, and one log row per model request.
CREATE TABLE conversations (
    id            text        PRIMARY KEY,
    user_id       text        NOT NULL,
    title         text        NOT NULL,
    agent_id      text,
    agent_name    text,
    provider      text,
    model         text,
    system_prompt text,
    message_count integer     NOT NULL DEFAULT 0,
    is_archived   boolean     NOT NULL DEFAULT false,
    metadata      jsonb       NOT NULL DEFAULT '{}',
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversations_user_recent ON conversations (user_id, is_archived, updated_at DESC);

CREATE TABLE messages (
    id              text        PRIMARY KEY,
    seq             bigserial   NOT NULL,
    conversation_id text        NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    user_id         text        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('system', 'user', 'assistant', 'tool')),
    content         text        NOT NULL DEFAULT '',
    provider        text,
    model           text,
    tool_calls      jsonb,
    tool_call_id    text,
    tool_name       text,
    trace           jsonb,
    is_error        boolean     NOT NULL DEFAULT false,
    is_partial      boolean     NOT NULL DEFAULT false,
    input_tokens    integer,
    output_tokens   integer,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_conversation_seq ON messages (conversation_id, seq);

CREATE TABLE chat_contexts (
    user_id         text        NOT NULL,
    context_key     text        NOT NULL,
    conversation_id text        NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, context_key)
);

CREATE TABLE request_logs (
    id              text        PRIMARY KEY,
    user_id         text        NOT NULL,
    conversation_id text,
    type            text        NOT NULL CHECK (type IN ('chat', 'completion', 'embedding', 'tool', 'agent', 'other')),
    provider        text,
    model           text,
    endpoint        text,
    method          text,
    request_body    jsonb,
    response_body   jsonb,
    status_code     integer     NOT NULL,
    input_tokens    integer     NOT NULL DEFAULT 0,
    output_tokens   integer     NOT NULL DEFAULT 0,
    duration_ms     bigint      NOT NULL DEFAULT 0,
    error           text,
    ip_address      text,
    user_agent      text,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX request_logs_user_recent ON request_logs (user_id, created_at DESC);
