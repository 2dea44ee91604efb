-- Every model call's usage and cost, and each user's budget.
CREATE TABLE usage_records (
    id              text             PRIMARY KEY,
    user_id         text             NOT NULL,
    provider        text             NOT NULL,
    model           text             NOT NULL,
    conversation_id text,
    request_type    text             NOT NULL CHECK (request_type IN ('chat', 'completion', 'embedding', 'image',
                                                                      'audio', 'tool')),
    input_tokens    integer          NOT NULL DEFAULT 0,
    output_tokens   integer          NOT NULL DEFAULT 0,
    cost            double precision NOT NULL DEFAULT 0,
    latency_ms      integer          NOT NULL DEFAULT 0,
    success         boolean          NOT NULL,
    error           text,
    created_at      timestamptz      NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX usage_records_user_time_idx ON usage_records (user_id, created_at DESC);

CREATE TABLE budgets (
    user_id          text             PRIMARY KEY,
    daily_limit      double precision,
    monthly_limit    double precision,
    alert_thresholds jsonb            NOT NULL DEFAULT '[50, 80, 100]',
    limit_action     text             NOT NULL DEFAULT 'block' CHECK (limit_action IN ('block', 'warn')),
    updated_at       timestamptz      NOT NULL DEFAULT now()
);
