-- Memories: what the assistant remembers for a user. The embedding (a sentence vector) is kept with the
-- name of the model that made it, so a model change can re-embed; the vector index itself is built in
-- the gateway from these rows. Full-text search uses the 'english' configuration (stop words dropped,
-- words stemmed); text in another language is still indexed word by word, and the vectors cover meaning.
CREATE TABLE memories (
    id              text             PRIMARY KEY,
    user_id         text             NOT NULL,
    type            text             NOT NULL CHECK (type IN ('fact', 'preference', 'conversation', 'event', 'skill')),
    content         text             NOT NULL CHECK (length(content) BETWEEN 1 AND 4000),
    importance      double precision NOT NULL DEFAULT 0.5 CHECK (importance >= 0 AND importance <= 1),
    tags            jsonb            NOT NULL DEFAULT '[]',
    source          text,
    source_id       text,
    metadata        jsonb            NOT NULL DEFAULT '{}',
    accessed_count  integer          NOT NULL DEFAULT 0,
    accessed_at     timestamptz,
    embedding       real[],
    embedding_model text,
    search          tsvector         GENERATED ALWAYS AS (to_tsvector('english', content)) STORED,
    created_at      timestamptz      NOT NULL DEFAULT now(),
    updated_at      timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX memories_user_type_idx ON memories (user_id, type);
CREATE INDEX memories_user_importance_idx ON memories (user_id, importance DESC, updated_at DESC);
CREATE INDEX memories_search_idx ON memories USING gin (search);

-- One row per day the scheduled decay and cleanup ran: the replica that inserts the day's row runs them,
-- so several replicas never decay the same memories twice.
CREATE TABLE memory_maintenance (
    day       date        PRIMARY KEY,
    ran_at    timestamptz NOT NULL DEFAULT now(),
    decayed   integer,
    deleted   integer
);
