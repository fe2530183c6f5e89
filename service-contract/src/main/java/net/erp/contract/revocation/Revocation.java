package net.erp.contract.revocation;

/**
 * What a bearer token is checked against on the revocation list: the claims that name what can be cut
 * off. {@code subject} and {@code clientId} are cut off from a moment on, so {@code issuedAt} decides.
 *
 * @param instanceId the instance the token belongs to
 * @param jti the token's id (RFC 7519 4.1.7)
 * @param sid the sign-in the token belongs to, or {@code null}
 * @param subject the token's {@code sub}
 * @param clientId the app the token was issued to
 * @param issuedAt the token's {@code iat}, in epoch seconds
 */
public record Revocation(String instanceId, String jti, String sid, String subject, String clientId,
        long issuedAt) {
}
