-- Per-user overrides of catalog providers: base URL, type, key variable, enabled flag, notes.
CREATE TABLE provider_overrides (
    user_id       text        NOT NULL,
    provider_id   text        NOT NULL,
    base_url      text,
    provider_type text        CHECK (provider_type IN ('openai', 'anthropic', 'google', 'openai-compatible')),
    is_enabled    boolean     NOT NULL DEFAULT true,
    api_key_env   text,
    notes         text,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, provider_id)
);
