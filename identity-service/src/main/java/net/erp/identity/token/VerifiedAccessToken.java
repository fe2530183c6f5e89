package net.erp.identity.token;

import java.util.List;
import net.erp.contract.revocation.Revocation;
import net.erp.contract.token.AccessTokenClaims;
import net.erp.contract.token.AccessTokenJwt;

/** An access token whose signature, type, lifetime, instance and revocation state were checked. */
public record VerifiedAccessToken(String instanceId, String issuer, String audience, String subject,
        String clientId, List<String> scopes, long issuedAt, long expiresAt, String jti, String sid,
        String username) {

    /** The claims {@link AccessTokenJwt} checked. */
    public static VerifiedAccessToken of(AccessTokenClaims claims) {
        return new VerifiedAccessToken(claims.instanceId(), claims.issuer(), claims.audience(), claims.subject(),
                claims.clientId(), claims.scopes(), claims.issuedAt(), claims.expiresAt(), claims.jti(),
                claims.sid(), claims.username());
    }

    /** A token of an app's system user (client credentials): no user signed in. */
    public boolean serviceToken() {
        return username == null;
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    Revocation revocation() {
        return new Revocation(instanceId, jti, sid, subject, clientId, issuedAt);
    }
}
