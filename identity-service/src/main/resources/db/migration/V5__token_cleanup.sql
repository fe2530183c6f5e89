-- The periodic clean-up deletes reference tokens that expired or were revoked more than TOKEN_CLEANUP_GRACE
-- ago; these indexes keep its DELETE off a full scan. (refresh_token already has refresh_token_expiry.)
CREATE INDEX reference_token_expiry ON reference_token (expires_at);
CREATE INDEX reference_token_revoked ON reference_token (revoked_at) WHERE revoked_at IS NOT NULL;
