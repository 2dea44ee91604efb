-- Agents: a system prompt, a provider/model ("default" = resolved from settings at run time) and tools.
CREATE TABLE agents (
    id                      text        PRIMARY KEY,
    user_id                 text        NOT NULL,
    name                    text        NOT NULL,
    system_prompt           text        NOT NULL,
    provider                text        NOT NULL DEFAULT 'default',
    model                   text        NOT NULL DEFAULT 'default',
    config                  jsonb       NOT NULL DEFAULT '{}',
    template_id             text,
    current_conversation_id text,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    UNIQUE (user_id, name)
);
CREATE UNIQUE INDEX agents_user_template_idx ON agents (user_id, template_id) WHERE template_id IS NOT NULL;
