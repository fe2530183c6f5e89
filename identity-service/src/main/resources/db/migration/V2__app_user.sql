-- Users of an instance (SPEC "Users"). The id is the user's stable, opaque sub; the username is unique in its
-- instance regardless of case. password_hash is PBKDF2-HMAC-SHA256: "pbkdf2-sha256$iterations$salt$hash".
CREATE TABLE app_user (
    id             TEXT PRIMARY KEY,
    instance_id    TEXT        NOT NULL,
    username       TEXT        NOT NULL,
    password_hash  TEXT        NOT NULL,
    kind           TEXT        NOT NULL CHECK (kind IN ('INTERNAL', 'COMMUNITY')),
    administrator  BOOLEAN     NOT NULL,
    email          TEXT,
    name           TEXT,
    created_at     TIMESTAMPTZ NOT NULL,
    password_changed_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX app_user_username ON app_user (instance_id, lower(username));
