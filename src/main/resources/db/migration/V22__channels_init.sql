-- Channels: a bot on Telegram, Slack or Discord bound to a user (and optionally an agent). The
-- credentials (bot token, signing secret, public key, Telegram's webhook secret token) are one
-- SecretCipher-sealed JSON object in `secrets`; `config` holds only what may be shown.
CREATE TABLE channels (
    id               text        PRIMARY KEY,
    user_id          text        NOT NULL,
    type             text        NOT NULL CHECK (type IN ('telegram', 'slack', 'discord')),
    name             text        NOT NULL,
    agent_id         text,
    config           jsonb       NOT NULL DEFAULT '{}',
    secrets          text        NOT NULL,
    status           text        NOT NULL DEFAULT 'disconnected'
                     CHECK (status IN ('disconnected', 'connecting', 'connected', 'reconnecting', 'error')),
    last_error       text,
    bot_info         jsonb,
    mode             text        NOT NULL DEFAULT 'webhook' CHECK (mode IN ('webhook', 'polling', 'socket')),
    -- Telegram long polling: the next update id to ask for; for polling and Slack Socket Mode, which
    -- replica receives (a lease)
    poll_offset      bigint      NOT NULL DEFAULT 0,
    poll_owner       text,
    poll_until       timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    connected_at     timestamptz,
    last_activity_at timestamptz
);
CREATE INDEX channels_user_idx ON channels (user_id, created_at);

-- Every message in and out. An inbound message's external_id is the platform's delivery key (Telegram
-- update id, Slack event id, Discord interaction id): a retried delivery finds its row and adds nothing.
CREATE TABLE channel_messages (
    id              text        PRIMARY KEY,
    channel_id      text        NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    user_id         text        NOT NULL,
    direction       text        NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    external_id     text        NOT NULL,
    platform_id     text,
    chat_id         text        NOT NULL,
    thread_id       text,
    sender_id       text        NOT NULL,
    sender_name     text        NOT NULL,
    content         text        NOT NULL,
    reply_to_id     text,
    status          text        NOT NULL DEFAULT 'allowed' CHECK (status IN ('allowed', 'blocked', 'sent')),
    read            boolean     NOT NULL DEFAULT false,
    replied         boolean     NOT NULL DEFAULT false,
    -- the automatic answer: claimed once, so a replayed event never answers twice
    answer_state    text        CHECK (answer_state IN ('claimed', 'answered', 'failed', 'skipped')),
    conversation_id text,
    metadata        jsonb       NOT NULL DEFAULT '{}',
    -- a short-lived token to answer with (a Discord interaction's), never shown
    reply_token     text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (channel_id, direction, external_id)
);
CREATE INDEX channel_messages_inbox_idx ON channel_messages (user_id, created_at DESC);
CREATE INDEX channel_messages_unread_idx ON channel_messages (user_id) WHERE direction = 'inbound' AND NOT read;

-- One conversation per chat or thread of a channel.
CREATE TABLE channel_conversations (
    channel_id      text NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    chat_key        text NOT NULL,
    conversation_id text NOT NULL,
    PRIMARY KEY (channel_id, chat_key)
);
