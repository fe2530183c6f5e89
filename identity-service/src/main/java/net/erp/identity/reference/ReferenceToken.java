package net.erp.identity.reference;

import java.time.Instant;
import java.util.List;

/**
 * A stored reference token (never its value).
 *
 * @param subject a PAT's user id, or a SAT's system user
 * @param username a PAT's user's username as it is now; {@code null} for a SAT or a user that is gone
 * @param createdBy the {@code sub} of the access token that made it
 */
record ReferenceToken(String id, String instanceId, ReferenceTokenKind kind, String clientId, String subject,
        String username, List<String> scopes, String description, Instant createdAt, String createdBy,
        Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

    boolean personal() {
        return kind == ReferenceTokenKind.PAT;
    }

    boolean live(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    ReferenceTokenView view() {
        return new ReferenceTokenView(id, kind.name(), clientId, subject, scopes, description, createdAt, createdBy,
                expiresAt, lastUsedAt);
    }
}
