-- Goals with sub-goals (parent_id) and steps; progress is computed from the steps (see GoalProgress).
CREATE TABLE goals (
    id           text        PRIMARY KEY,
    user_id      text        NOT NULL,
    title        text        NOT NULL,
    description  text,
    status       text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'completed', 'abandoned')),
    priority     integer     NOT NULL DEFAULT 5 CHECK (priority BETWEEN 1 AND 10),
    parent_id    text        REFERENCES goals (id) ON DELETE SET NULL,
    due_date     date,
    progress     integer     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    metadata     jsonb       NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    completed_at timestamptz
);
CREATE INDEX goals_user_status_idx ON goals (user_id, status, priority DESC);
CREATE INDEX goals_parent_idx ON goals (parent_id);

CREATE TABLE goal_steps (
    id           text        PRIMARY KEY,
    goal_id      text        NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    user_id      text        NOT NULL,
    title        text        NOT NULL,
    description  text,
    status       text        NOT NULL DEFAULT 'pending'
                             CHECK (status IN ('pending', 'in_progress', 'completed', 'blocked', 'skipped')),
    order_num    integer     NOT NULL,
    dependencies jsonb       NOT NULL DEFAULT '[]',
    result       text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    completed_at timestamptz
);
CREATE INDEX goal_steps_goal_idx ON goal_steps (goal_id, order_num);
