package net.erp.identity.refresh;

import java.time.Instant;
import java.util.List;

/**
 * A stored refresh token (RFC 6749 section 1.5): whose it is, what it grants, and its family, the chain of
 * tokens rotated from one code redemption (RFC 9700 section 4.14.2). The token itself is never kept.
 *
 * @param hash the SHA-256 of the token, hex
 * @param familyId the family
 * @param instanceId the instance
 * @param clientId the app it was issued to
 * @param userId the user's id
 * @param username the user's name
 * @param sid the sign-in it came from; tokens refreshed from it keep it
 * @param scopes the scopes the family was granted
 * @param authTime when the user entered their password, epoch seconds
 * @param expiresAt when the family expires
 * @param rotated whether it was used (and so replaced)
 * @param revoked whether it was revoked (logout, password change, reuse, RFC 7009)
 * @param issuedAt when this token was issued (its row's {@code created_at})
 */
record RefreshToken(String hash, String familyId, String instanceId, String clientId, String userId,
        String username, String sid, List<String> scopes, long authTime, Instant expiresAt, boolean rotated,
        boolean revoked, Instant issuedAt) {

    /** The next token of the family, under {@code hash}, issued now. */
    RefreshToken successor(String hash) {
        return new RefreshToken(hash, familyId, instanceId, clientId, userId, username, sid, scopes, authTime,
                expiresAt, false, false, Instant.now());
    }

    boolean expired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
