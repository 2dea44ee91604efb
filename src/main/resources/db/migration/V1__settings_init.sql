-- Key/value settings per user. API keys live here too, as AES-GCM ciphertext (never plaintext).
CREATE TABLE settings (
    user_id    text        NOT NULL,
    key        text        NOT NULL,
    value      jsonb       NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
);
