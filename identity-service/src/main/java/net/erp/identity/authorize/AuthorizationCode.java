package net.erp.identity.authorize;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * What an authorization code stands for (RFC 6749 section 4.1.2): the request it answers and the sign-in
 * that approved it. Stored under the code's hash; the code itself is never kept.
 *
 * @param issuer the issuer of the host the code was issued on
 * @param clientId the app it was issued to
 * @param redirectUri the redirect URI of the request
 * @param codeChallenge the S256 PKCE challenge, or {@code null}
 * @param scopes the granted scopes
 * @param nonce the request's nonce, or {@code null}
 * @param sid the sign-in
 * @param userId the user's id
 * @param username the user's name
 * @param authTime when the user entered their password, epoch seconds
 * @param issuedAt when the code was issued, epoch seconds: a cut-off of the user or the app at or after it
 *        refuses the code
 */
@RegisterForReflection
public record AuthorizationCode(String issuer, String clientId, String redirectUri, String codeChallenge,
        List<String> scopes, String nonce, String sid, String userId, String username, long authTime,
        long issuedAt) {
}
