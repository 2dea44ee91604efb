-- Triggers: what fires (schedule, event, condition, webhook) and what it does (action); Quartz holds
-- the schedules (V19), this table what the user sees. A webhook's secret is encrypted (SecretCipher).
CREATE TABLE triggers (
    id           text        PRIMARY KEY,
    user_id      text        NOT NULL,
    name         text        NOT NULL,
    description  text,
    type         text        NOT NULL CHECK (type IN ('schedule', 'event', 'condition', 'webhook')),
    config       jsonb       NOT NULL DEFAULT '{}',
    action       jsonb       NOT NULL DEFAULT '{}',
    enabled      boolean     NOT NULL DEFAULT true,
    priority     integer     NOT NULL DEFAULT 5 CHECK (priority BETWEEN 1 AND 10),
    secret       text,
    last_fired   timestamptz,
    next_fire    timestamptz,
    fire_count   integer     NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX triggers_user_idx ON triggers (user_id, priority DESC, created_at);
CREATE INDEX triggers_event_idx ON triggers (user_id, (config ->> 'eventType')) WHERE type = 'event' AND enabled;

CREATE TABLE trigger_history (
    id            text        PRIMARY KEY,
    trigger_id    text        NOT NULL REFERENCES triggers (id) ON DELETE CASCADE,
    user_id       text        NOT NULL,
    cause         text        NOT NULL CHECK (cause IN ('schedule', 'event', 'condition', 'webhook', 'manual')),
    scheduled_for timestamptz,
    fired_at      timestamptz NOT NULL DEFAULT now(),
    status        text        NOT NULL CHECK (status IN ('success', 'failure', 'skipped')),
    result        jsonb,
    error         text,
    duration_ms   integer
);
CREATE INDEX trigger_history_trigger_idx ON trigger_history (trigger_id, fired_at DESC);
CREATE INDEX trigger_history_user_idx ON trigger_history (user_id, fired_at DESC);

-- One row per thing that may fire a trigger once (a scheduled time, an event, a webhook delivery):
-- a second delivery of the same key finds the row and fires nothing.
CREATE TABLE trigger_fire_keys (
    trigger_id text        NOT NULL REFERENCES triggers (id) ON DELETE CASCADE,
    fire_key   text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (trigger_id, fire_key)
);
CREATE INDEX trigger_fire_keys_age_idx ON trigger_fire_keys (created_at);

CREATE TABLE notifications (
    id         text        PRIMARY KEY,
    user_id    text        NOT NULL,
    source     text        NOT NULL,
    source_id  text,
    title      text        NOT NULL,
    message    text        NOT NULL,
    data       jsonb       NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    read_at    timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
