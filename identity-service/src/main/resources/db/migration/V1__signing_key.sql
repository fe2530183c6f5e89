-- The platform's signing keys, shared by every replica. The private part is sealed with AES-256-GCM under
-- SIGNING_KEY_ENCRYPTION_KEY (12-byte nonce, then ciphertext and tag; the kid is the associated data).
CREATE TABLE signing_key (
    kid          TEXT PRIMARY KEY,
    alg          TEXT        NOT NULL,
    public_jwk   TEXT        NOT NULL,
    private_key  BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    -- Published from created_at, signs from active_from: the lead lets every verifier fetch it first.
    active_from  TIMESTAMPTZ NOT NULL,
    -- Signs until retire_at; stays published until expires_at, when every token it signed has expired.
    retire_at    TIMESTAMPTZ,
    expires_at   TIMESTAMPTZ
);
