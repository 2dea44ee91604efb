-- Plans and their runs. A run's whole state is here: the plan's status and lease (which worker runs it,
-- until when), each step's status, result and retries, and the history. Workers on any replica claim
-- runnable plans whose lease is free or expired, so a crashed worker's run is taken over.
CREATE TABLE plans (
    id             text        PRIMARY KEY,
    user_id        text        NOT NULL,
    name           text        NOT NULL,
    description    text,
    goal           text        NOT NULL,
    status         text        NOT NULL DEFAULT 'pending'
                               CHECK (status IN ('pending', 'running', 'paused', 'completed', 'failed', 'cancelled')),
    current_step   integer     NOT NULL DEFAULT 0,
    total_steps    integer     NOT NULL DEFAULT 0,
    progress       integer     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    priority       integer     NOT NULL DEFAULT 5 CHECK (priority BETWEEN 1 AND 10),
    source         text,
    source_id      text,
    trigger_id     text        REFERENCES triggers (id) ON DELETE SET NULL,
    goal_id        text        REFERENCES goals (id) ON DELETE SET NULL,
    autonomy_level integer     NOT NULL DEFAULT 1 CHECK (autonomy_level BETWEEN 0 AND 4),
    max_retries    integer     NOT NULL DEFAULT 3 CHECK (max_retries BETWEEN 0 AND 10),
    timeout_ms     integer,
    checkpoint     jsonb,
    error          text,
    waiting_for    jsonb,
    metadata       jsonb       NOT NULL DEFAULT '{}',
    lease_owner    text,
    lease_until    timestamptz,
    step_runs      integer     NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    started_at     timestamptz,
    completed_at   timestamptz
);
CREATE INDEX plans_user_idx ON plans (user_id, priority DESC, created_at DESC);
CREATE INDEX plans_runnable_idx ON plans (lease_until) WHERE status = 'running' AND waiting_for IS NULL;

CREATE TABLE plan_steps (
    id           text        PRIMARY KEY,
    plan_id      text        NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    user_id      text        NOT NULL,
    order_num    integer     NOT NULL,
    type         text        NOT NULL CHECK (type IN ('tool_call', 'llm_decision', 'user_input', 'condition',
                                                      'parallel', 'loop', 'sub_plan')),
    name         text        NOT NULL,
    description  text,
    config       jsonb       NOT NULL DEFAULT '{}',
    status       text        NOT NULL DEFAULT 'pending'
                             CHECK (status IN ('pending', 'running', 'completed', 'failed', 'skipped', 'blocked', 'waiting')),
    dependencies jsonb       NOT NULL DEFAULT '[]',
    result       jsonb,
    error        text,
    retry_count  integer     NOT NULL DEFAULT 0,
    max_retries  integer     NOT NULL DEFAULT 3 CHECK (max_retries BETWEEN 0 AND 10),
    timeout_ms   integer,
    retry_safe   boolean     NOT NULL DEFAULT false,
    not_before   timestamptz,
    approval_id  text,
    on_success   text,
    on_failure   text,
    metadata     jsonb       NOT NULL DEFAULT '{}',
    started_at   timestamptz,
    completed_at timestamptz,
    duration_ms  integer,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_steps_plan_idx ON plan_steps (plan_id, order_num);
CREATE INDEX plan_steps_approval_idx ON plan_steps (approval_id) WHERE approval_id IS NOT NULL;

CREATE TABLE plan_history (
    id         text        PRIMARY KEY,
    plan_id    text        NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    user_id    text        NOT NULL,
    step_id    text,
    event_type text        NOT NULL CHECK (event_type IN ('started', 'step_started', 'step_completed', 'step_failed',
                           'paused', 'resumed', 'completed', 'failed', 'cancelled', 'checkpoint', 'rollback')),
    details    jsonb       NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX plan_history_plan_idx ON plan_history (plan_id, created_at DESC);
