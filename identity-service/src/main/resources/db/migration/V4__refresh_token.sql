-- Refresh tokens (RFC 6749 section 6, RFC 9700 section 4.14). Only the SHA-256 of a token is kept. Every use
-- rotates the token: the used row gets rotated_at and a successor of the same family is inserted; a rotated
-- token presented again revokes its whole family. A family keeps the expiry its first token got.
CREATE TABLE refresh_token (
    token_hash   TEXT PRIMARY KEY,
    family_id    TEXT        NOT NULL,
    instance_id  TEXT        NOT NULL,
    client_id    TEXT        NOT NULL,
    user_id      TEXT        NOT NULL,
    username     TEXT        NOT NULL,
    sid          TEXT        NOT NULL,
    scopes       TEXT        NOT NULL,
    auth_time    BIGINT      NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    rotated_at   TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_user ON refresh_token (instance_id, user_id);
CREATE INDEX refresh_token_expiry ON refresh_token (expires_at);
