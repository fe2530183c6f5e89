package net.erp.session.token;

import java.time.Instant;
import java.util.Set;
import net.erp.contract.revocation.Revocation;

/**
 * A verified access token (RFC 9068 section 2.2): who calls, through which app, in which sign-in.
 *
 * @param instanceId the instance named by the token's audience
 * @param subject {@code sub}: a user's id, or the system user's name for a service token
 * @param clientId {@code client_id}
 * @param sid the sign-in; {@code null} when the token carries none
 * @param jti the token's id
 * @param issuedAt {@code iat}
 * @param expiresAt {@code exp}
 * @param scopes the granted scopes
 * @param username {@code preferred_username}; {@code null} for a service token
 */
public record AccessToken(String instanceId, String subject, String clientId, String sid, String jti,
        Instant issuedAt, Instant expiresAt, Set<String> scopes, String username) {

    /** The scope of the platform operator, accepted by the admin API of every instance. */
    public static final String ADMIN_SCOPE = "admin";

    /** A token without {@code preferred_username} acts as an app's system user. */
    public boolean isService() {
        return username == null;
    }

    /** The account name reserved seats are granted to: the username, or the system user's name. */
    public String account() {
        return isService() ? subject : username;
    }

    /** The session the token belongs to: its sign-in, or the token itself when it names none. */
    public String sessionId() {
        return sid != null ? sid : jti;
    }

    public boolean isAdmin() {
        return scopes.contains(ADMIN_SCOPE);
    }

    /** What the revocation list checks the token against. */
    public Revocation revocation() {
        return new Revocation(instanceId, jti, sid, subject, clientId, issuedAt.getEpochSecond());
    }
}
