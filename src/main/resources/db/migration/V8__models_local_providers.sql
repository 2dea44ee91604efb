-- Local model servers (LM Studio, Ollama, LocalAI, vLLM, custom) and the models found on them.
CREATE TABLE local_providers (
    id                 text        PRIMARY KEY,
    user_id            text        NOT NULL,
    name               text        NOT NULL,
    provider_type      text        NOT NULL CHECK (provider_type IN ('lmstudio', 'ollama', 'localai', 'vllm', 'custom')),
    base_url           text        NOT NULL,
    api_key            text,
    is_enabled         boolean     NOT NULL DEFAULT true,
    is_default         boolean     NOT NULL DEFAULT false,
    discovery_endpoint text,
    last_discovered_at timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (user_id, name)
);

CREATE TABLE local_models (
    id                text        PRIMARY KEY,
    user_id           text        NOT NULL,
    local_provider_id text        NOT NULL REFERENCES local_providers (id) ON DELETE CASCADE,
    model_id          text        NOT NULL,
    display_name      text        NOT NULL,
    capabilities      jsonb       NOT NULL DEFAULT '["chat", "streaming"]',
    context_window    integer     NOT NULL DEFAULT 32768,
    max_output        integer     NOT NULL DEFAULT 4096,
    is_enabled        boolean     NOT NULL DEFAULT true,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (local_provider_id, model_id)
);
