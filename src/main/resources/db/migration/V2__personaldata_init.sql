-- Personal data: tasks, bookmarks, notes, calendar events, contacts. Every row belongs to a user.
CREATE TABLE tasks (
    id           text        PRIMARY KEY,
    user_id      text        NOT NULL,
    title        text        NOT NULL,
    description  text,
    status       text        NOT NULL DEFAULT 'pending'
                 CHECK (status IN ('pending', 'in_progress', 'completed', 'cancelled')),
    priority     text        NOT NULL DEFAULT 'medium' CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
    due_date     date,
    due_time     time,
    reminder_at  timestamptz,
    category     text,
    tags         jsonb       NOT NULL DEFAULT '[]',
    parent_id    text        REFERENCES tasks (id) ON DELETE SET NULL,
    project_id   text,
    recurrence   text,
    completed_at timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tasks_user_status_idx ON tasks (user_id, status);
CREATE INDEX tasks_user_due_idx ON tasks (user_id, due_date);
CREATE INDEX tasks_user_project_idx ON tasks (user_id, project_id);

CREATE TABLE bookmarks (
    id              text        PRIMARY KEY,
    user_id         text        NOT NULL,
    url             text        NOT NULL,
    title           text        NOT NULL,
    description     text,
    favicon         text,
    category        text,
    tags            jsonb       NOT NULL DEFAULT '[]',
    is_favorite     boolean     NOT NULL DEFAULT false,
    visit_count     integer     NOT NULL DEFAULT 0,
    last_visited_at timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bookmarks_user_category_idx ON bookmarks (user_id, category);

CREATE TABLE notes (
    id           text        PRIMARY KEY,
    user_id      text        NOT NULL,
    title        text        NOT NULL,
    content      text        NOT NULL,
    content_type text        NOT NULL DEFAULT 'markdown' CHECK (content_type IN ('markdown', 'text', 'html')),
    category     text,
    tags         jsonb       NOT NULL DEFAULT '[]',
    is_pinned    boolean     NOT NULL DEFAULT false,
    is_archived  boolean     NOT NULL DEFAULT false,
    color        text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notes_user_category_idx ON notes (user_id, category);

CREATE TABLE calendar_events (
    id               text        PRIMARY KEY,
    user_id          text        NOT NULL,
    title            text        NOT NULL,
    description      text,
    location         text,
    start_time       timestamptz NOT NULL,
    end_time         timestamptz,
    all_day          boolean     NOT NULL DEFAULT false,
    timezone         text        NOT NULL DEFAULT 'UTC',
    recurrence       text,
    reminder_minutes integer,
    category         text,
    tags             jsonb       NOT NULL DEFAULT '[]',
    color            text,
    external_id      text,
    external_source  text,
    attendees        jsonb       NOT NULL DEFAULT '[]',
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (end_time IS NULL OR end_time >= start_time)
);
CREATE INDEX calendar_events_user_start_idx ON calendar_events (user_id, start_time);

CREATE TABLE contacts (
    id                text        PRIMARY KEY,
    user_id           text        NOT NULL,
    name              text        NOT NULL,
    nickname          text,
    email             text,
    phone             text,
    company           text,
    job_title         text,
    avatar            text,
    birthday          text,
    address           text,
    notes             text,
    relationship      text,
    tags              jsonb       NOT NULL DEFAULT '[]',
    is_favorite       boolean     NOT NULL DEFAULT false,
    external_id       text,
    external_source   text,
    social_links      jsonb       NOT NULL DEFAULT '{}',
    custom_fields     jsonb       NOT NULL DEFAULT '{}',
    last_contacted_at timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contacts_user_name_idx ON contacts (user_id, name);
