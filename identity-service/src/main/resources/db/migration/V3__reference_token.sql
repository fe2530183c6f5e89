-- Reference tokens (SPEC "Reference tokens"): opaque PATs and SATs. The value is never stored, only its SHA-256
-- (32 bytes of SecureRandom need no slow hash). The id is public: it is the token's jti and its sid.
CREATE TABLE reference_token (
    id           TEXT PRIMARY KEY,
    instance_id  TEXT        NOT NULL,
    token_hash   BYTEA       NOT NULL UNIQUE,
    kind         TEXT        NOT NULL CHECK (kind IN ('PAT', 'SAT')),
    client_id    TEXT        NOT NULL,
    -- A PAT's user id (app_user.id), or a SAT's system user.
    subject      TEXT        NOT NULL,
    scopes       TEXT[]      NOT NULL,
    description  TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    -- The sub of the access token that made it: a user's id, or the operator's system user.
    created_by   TEXT        NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    -- Written at most once a minute.
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX reference_token_instance ON reference_token (instance_id, subject);
