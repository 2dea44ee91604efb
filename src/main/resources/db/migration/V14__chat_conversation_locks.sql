-- One reply at a time per conversation, across every replica on this database: a lease held by the
-- replica generating the reply, renewed while it runs, released at its end, expired if it dies.
CREATE TABLE conversation_locks (
    conversation_id text        PRIMARY KEY,
    holder          text        NOT NULL,
    expires_at      timestamptz NOT NULL
);
