-- The user's profile: one JSON document per user, one object per category (basicInfo, preferences,
-- communication, work, interests, health, goals). Changes are JSON merge patches applied under a row lock.
CREATE TABLE profiles (
    user_id    text        PRIMARY KEY,
    data       jsonb       NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
