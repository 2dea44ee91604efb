-- Who acted, on every record of an action: usage of a model call and each chat message (the user through
-- the API, a trigger, a plan step, a channel...), with the correlation id of the action that caused it.
ALTER TABLE usage_records ADD COLUMN actor_type text NOT NULL DEFAULT 'user';
ALTER TABLE usage_records ADD COLUMN actor_id text;
ALTER TABLE usage_records ADD COLUMN correlation_id text;
UPDATE usage_records SET actor_id = user_id WHERE actor_id IS NULL;
ALTER TABLE usage_records ALTER COLUMN actor_id SET NOT NULL;
CREATE INDEX usage_records_correlation_idx ON usage_records (correlation_id);

ALTER TABLE messages ADD COLUMN actor_type text NOT NULL DEFAULT 'user';
ALTER TABLE messages ADD COLUMN actor_id text;
ALTER TABLE messages ADD COLUMN correlation_id text;
