-- Per-user model settings over the catalog (or user-added models), and user-defined providers.
CREATE TABLE custom_providers (
    user_id     text        NOT NULL,
    provider_id text        NOT NULL,
    name        text        NOT NULL,
    base_url    text        NOT NULL,
    api_key_env text,
    is_enabled  boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, provider_id)
);

CREATE TABLE model_settings (
    user_id        text        NOT NULL,
    provider_id    text        NOT NULL,
    model_id       text        NOT NULL,
    display_name   text,
    capabilities   jsonb,
    input_price    double precision,
    output_price   double precision,
    context_window integer,
    max_output     integer,
    is_enabled     boolean     NOT NULL DEFAULT true,
    is_custom      boolean     NOT NULL DEFAULT false,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, provider_id, model_id)
);
