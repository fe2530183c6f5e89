package net.erp.contract.token;

import java.util.List;
import net.erp.contract.InstanceAudience;
import net.erp.contract.revocation.Revocation;

/**
 * The claims of a platform access token whose signature and form were checked (RFC 9068 section 2.2).
 *
 * @param instanceId the instance its {@code aud} names
 * @param issuer {@code iss}: the instance host it was issued on
 * @param subject {@code sub}: a user's id, or the system user's name for a service token
 * @param clientId {@code client_id}
 * @param scopes {@code scope}, split
 * @param issuedAt {@code iat}, epoch seconds
 * @param expiresAt {@code exp}, epoch seconds
 * @param jti {@code jti}
 * @param sid {@code sid}, the sign-in; {@code null} when the token names none
 * @param username {@code preferred_username}; {@code null} for a service token
 */
public record AccessTokenClaims(String instanceId, String issuer, String subject, String clientId,
        List<String> scopes, long issuedAt, long expiresAt, String jti, String sid, String username) {

    public String audience() {
        return InstanceAudience.of(instanceId);
    }

    /** What the revocation list checks the token against. */
    public Revocation revocation() {
        return new Revocation(instanceId, jti, sid, subject, clientId, issuedAt);
    }
}
